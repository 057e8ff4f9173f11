using Parley.Core.Moderation;
using Parley.Core.Rooms;
using Parley.Storage.Sqlite.Writing;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Registered rooms (settings, topic, bans) in the SQLite database, so they survive restarts.
/// Reads use pooled connections; saves and deletes go through the one writer and complete when
/// committed.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SqliteRoomStore : IRoomStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over an open database.</summary>
    /// <param name="database">The database.</param>
    public SqliteRoomStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RegisteredRoom>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        using var connection = _database.OpenReader();
        var bans = new Dictionary<(string Room, RoomList List), List<BanMask>>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT room_key, mask, set_by, set_utc FROM room_bans ORDER BY room_key, set_utc, mask_key";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var (kind, mask) = RoomListMasks.Decode(reader.GetString(1));
                var key = (reader.GetString(0), kind);
                if (!bans.TryGetValue(key, out var list))
                    bans[key] = list = [];
                list.Add(new BanMask(mask, reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
            }
        }

        var rooms = new List<RegisteredRoom>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText =
                "SELECT name_key, name, owner_account, modes, join_key, topic, topic_set_by, topic_set_utc, created_utc, member_limit FROM rooms ORDER BY name_key";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var topic = reader.IsDBNull(5)
                    ? null
                    : new RoomTopic(reader.GetString(5), reader.GetString(6), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)));
                var roomKey = reader.GetString(0);
                rooms.Add(new RegisteredRoom(
                    reader.GetString(1),
                    reader.GetInt64(2),
                    (RoomModes)reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    topic,
                    bans.GetValueOrDefault((roomKey, RoomList.Bans)) ?? [],
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)))
                {
                    Limit = reader.GetInt32(9),
                    Lists = new Dictionary<RoomList, IReadOnlyList<BanMask>>
                    {
                        [RoomList.Exceptions] = bans.GetValueOrDefault((roomKey, RoomList.Exceptions)) ?? [],
                        [RoomList.InviteExceptions] = bans.GetValueOrDefault((roomKey, RoomList.InviteExceptions)) ?? [],
                        [RoomList.Mutes] = bans.GetValueOrDefault((roomKey, RoomList.Mutes)) ?? [],
                    },
                });
            }
        }

        return ValueTask.FromResult<IReadOnlyList<RegisteredRoom>>(rooms);
    }

    /// <inheritdoc />
    public async ValueTask SaveAsync(RegisteredRoom room, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(room);
        var op = new SaveRoomOp(room);
        _database.Writer.Enqueue(op);
        await op.Result.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var op = new DeleteRoomOp(name);
        _database.Writer.Enqueue(op);
        await op.Result.WaitAsync(cancellationToken);
    }
}

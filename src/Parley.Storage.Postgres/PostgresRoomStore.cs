using Parley.Core.Moderation;
using Parley.Core.Rooms;
using Parley.Storage.Postgres.Writing;

namespace Parley.Storage.Postgres;

/// <summary>
/// Registered rooms (settings, topic, lists) in PostgreSQL, so they survive restarts. Reads use
/// pooled connections; saves and deletes go through the one writer and complete when committed.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class PostgresRoomStore : IRoomStore
{
    private readonly PostgresDatabase _database;

    /// <summary>Creates the store over an open database.</summary>
    /// <param name="database">The database.</param>
    public PostgresRoomStore(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RegisteredRoom>> LoadAllAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyList<RegisteredRoom>>(async (connection, ct) =>
        {
            var bans = new Dictionary<(string Room, RoomList List), List<BanMask>>();
            await using (var command = Commands.Create(connection, "SELECT room_key, mask, set_by, set_utc FROM room_bans ORDER BY room_key, set_utc, mask_key"))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var (kind, mask) = RoomListMasks.Decode(reader.GetString(1));
                    var key = (reader.GetString(0), kind);
                    if (!bans.TryGetValue(key, out var list))
                        bans[key] = list = [];
                    list.Add(new BanMask(mask, reader.GetString(2), Commands.Time(reader.GetInt64(3))));
                }
            }

            var rooms = new List<RegisteredRoom>();
            await using (var command = Commands.Create(connection,
                "SELECT name_key, name, owner_account, modes, join_key, topic, topic_set_by, topic_set_utc, created_utc, member_limit FROM rooms ORDER BY name_key"))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var topic = reader.IsDBNull(5) ? null : new RoomTopic(reader.GetString(5), reader.GetString(6), Commands.Time(reader.GetInt64(7)));
                    var roomKey = reader.GetString(0);
                    rooms.Add(new RegisteredRoom(
                        reader.GetString(1),
                        reader.GetInt64(2),
                        (RoomModes)reader.GetInt32(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4),
                        topic,
                        bans.GetValueOrDefault((roomKey, RoomList.Bans)) ?? [],
                        Commands.Time(reader.GetInt64(8)))
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

            return rooms;
        }, cancellationToken);

    /// <inheritdoc />
    public async ValueTask SaveAsync(RegisteredRoom room, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(room);
        var op = new DelegateWriteOp<bool>(context =>
        {
            Save(context, room);
            return true;
        });
        _database.Writer.Enqueue(op);
        await op.Result.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Deletes the room's row and lists; its messages stay until the room closes.</remarks>
    public async ValueTask DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = RoomKey.Of(name);
        var op = new DelegateWriteOp<bool>(context =>
        {
            context.Execute("DELETE FROM rooms WHERE name_key = $1", Parameters.Text(key));
            context.Execute("DELETE FROM room_bans WHERE room_key = $1", Parameters.Text(key));
            return true;
        });
        _database.Writer.Enqueue(op);
        await op.Result.WaitAsync(cancellationToken);
    }

    private static void Save(WriteContext context, RegisteredRoom room)
    {
        var key = RoomKey.Of(room.Name);
        context.Execute(
            """
            INSERT INTO rooms (name_key, name, owner_account, modes, join_key, topic, topic_set_by, topic_set_utc, created_utc, member_limit)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (name_key) DO UPDATE SET
                name = excluded.name, owner_account = excluded.owner_account, modes = excluded.modes,
                join_key = excluded.join_key, topic = excluded.topic, topic_set_by = excluded.topic_set_by,
                topic_set_utc = excluded.topic_set_utc, member_limit = excluded.member_limit
            """,
            Parameters.Text(key), Parameters.Text(room.Name), Parameters.Long(room.OwnerAccountId), Parameters.Int((int)room.Modes),
            Parameters.Text(room.Key), Parameters.Text(room.Topic?.Text), Parameters.Text(room.Topic?.SetBy),
            Parameters.Long(room.Topic?.SetAt.ToUnixTimeMilliseconds()), Parameters.Long(room.CreatedAt.ToUnixTimeMilliseconds()), Parameters.Int(room.Limit));
        context.Execute("DELETE FROM room_bans WHERE room_key = $1", Parameters.Text(key));
        InsertMasks(context, key, RoomList.Bans, room.Bans);
        foreach (var (list, masks) in room.Lists)
            InsertMasks(context, key, list, masks);
    }

    // One list's masks into room_bans, prefixed by list (RoomListMasks); pipelined, no answer needed.
    private static void InsertMasks(WriteContext context, string key, RoomList list, IReadOnlyList<BanMask> masks)
    {
        foreach (var ban in masks)
        {
            var stored = RoomListMasks.Encode(list, ban.Mask);
            var p = context.Queue("INSERT INTO room_bans (room_key, mask_key, mask, set_by, set_utc) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (room_key, mask_key) DO NOTHING").Parameters;
            p.Add(Parameters.Text(key));
            p.Add(Parameters.Text(stored.ToLowerInvariant()));
            p.Add(Parameters.Text(stored));
            p.Add(Parameters.Text(ban.SetBy));
            p.Add(Parameters.Long(ban.SetAt.ToUnixTimeMilliseconds()));
        }
    }
}

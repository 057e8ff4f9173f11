using Npgsql;
using Parley.Core.Rooms;
using Parley.Storage.Postgres.Writing;

namespace Parley.Storage.Postgres;

/// <summary>
/// Room messages and events in PostgreSQL, stored like direct messages: each append is queued to
/// the one writer (group commit) and its task completes when committed. Messages of a room that
/// is not registered are deleted when it closes, and at start-up.
/// </summary>
/// <remarks>
/// Thread-safe. The start-up sweep of unregistered rooms' messages is right for one server; a
/// cluster (issue 15, later step) must sweep only rooms no node has open.
/// </remarks>
public sealed class PostgresRoomHistory : IRoomHistory
{
    private const string Columns = "id, room, from_nick, from_account, text, sent_utc, kind, target";

    private readonly PostgresDatabase _database;

    /// <summary>
    /// Creates the history over an open database, reads the largest stored id, and queues the
    /// deletion of messages of rooms that are not registered (ahead of any new message).
    /// </summary>
    /// <param name="database">The database.</param>
    /// <exception cref="Core.Storage.StoreUnavailableException">PostgreSQL cannot be reached.</exception>
    public PostgresRoomHistory(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        LastId = database.Read(static connection =>
        {
            using var command = new NpgsqlCommand("SELECT COALESCE(MAX(id), 0) FROM room_messages", connection);
            return (long)command.ExecuteScalar()!;
        });
        Forget(new DelegateWriteOp<int>(static context => context.Execute("DELETE FROM room_messages WHERE room_key NOT IN (SELECT name_key FROM rooms)")));
    }

    /// <inheritdoc />
    public long LastId { get; }

    /// <inheritdoc />
    public Task Append(RoomMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var op = new InsertRoomEntryOp(message, isEvent: false);
        _database.Writer.Enqueue(op);
        return op.Completion;
    }

    /// <inheritdoc />
    /// <remarks>Queued to the writer beside the messages (group commit), never awaited; a failure is logged by the writer.</remarks>
    public void AppendEvent(RoomMessage entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Forget(new InsertRoomEntryOp(entry, isEvent: true));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RoomMessage>> ReadAsync(string room, int count, long? beforeId, CancellationToken cancellationToken = default) =>
        ReadAsync(room, count, beforeId, withEvents: false, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RoomMessage>> ReadWithEventsAsync(string room, int count, long? beforeId, CancellationToken cancellationToken = default) =>
        ReadAsync(room, count, beforeId, withEvents: true, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<DateTimeOffset?> GetLatestTimeAsync(string room, DateTimeOffset after, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(room);
        await _database.Writer.FlushAsync(cancellationToken);
        return await _database.ReadAsync<DateTimeOffset?>(async (connection, ct) =>
        {
            await using var command = Commands.Create(connection,
                "SELECT sent_utc FROM room_messages WHERE room_key = $1 AND sent_utc > $2 AND sent_utc < $3 AND kind = 0 ORDER BY id DESC LIMIT 1",
                Parameters.Text(RoomKey.Of(room)), Parameters.Long(after.ToUnixTimeMilliseconds()), Parameters.Long(before.ToUnixTimeMilliseconds()));
            return await command.ExecuteScalarAsync(ct) is long ms ? Commands.Time(ms) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<RoomMessage?> FindAsync(string room, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(room);
        await _database.Writer.FlushAsync(cancellationToken);
        return await _database.ReadAsync(async (connection, ct) =>
        {
            await using var command = Commands.Create(connection,
                $"SELECT {Columns} FROM room_messages WHERE id = $1 AND room_key = $2 AND kind = 0", Parameters.Long(id), Parameters.Text(RoomKey.Of(room)));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? Read(reader) with { Kind = RoomEntryKind.Message, Target = null } : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task RemoveAsync(string room, long id)
    {
        ArgumentNullException.ThrowIfNull(room);
        var key = RoomKey.Of(room);
        var op = new DelegateWriteOp<int>(context => context.Execute("DELETE FROM room_messages WHERE id = $1 AND room_key = $2", Parameters.Long(id), Parameters.Text(key)));
        _database.Writer.Enqueue(op);
        return op.Completion;
    }

    /// <inheritdoc />
    public void OnRoomClosed(string room)
    {
        ArgumentNullException.ThrowIfNull(room);
        var key = RoomKey.Of(room);
        // Queued after every message the room's members sent, so all of them go.
        Forget(new DelegateWriteOp<int>(context => context.Execute("DELETE FROM room_messages WHERE room_key = $1", Parameters.Text(key))));
    }

    private async ValueTask<IReadOnlyList<RoomMessage>> ReadAsync(string room, int count, long? beforeId, bool withEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        // Read-your-writes: a message handed to members (and echoed) before this read is shown.
        await _database.Writer.FlushAsync(cancellationToken);
        return await _database.ReadAsync<IReadOnlyList<RoomMessage>>(async (connection, ct) =>
        {
            await using var command = Commands.Create(connection,
                $"SELECT {Columns} FROM room_messages WHERE room_key = $1 AND id < $2{(withEvents ? "" : " AND kind = 0")} ORDER BY id DESC LIMIT $3",
                Parameters.Text(RoomKey.Of(room)), Parameters.Long(beforeId ?? long.MaxValue), Parameters.Int(count));
            var messages = new List<RoomMessage>(count);
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                    messages.Add(Read(reader));
            }

            messages.Reverse();
            return messages;
        }, cancellationToken);
    }

    private static RoomMessage Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(4),
        Commands.Time(reader.GetInt64(5)),
        reader.IsDBNull(3) ? null : reader.GetInt64(3))
    {
        Kind = (RoomEntryKind)reader.GetInt32(6),
        Target = reader.IsDBNull(7) ? null : reader.GetString(7),
    };

    // Fire and forget: the writer logs a failed batch; observing the fault here keeps it quiet.
    private void Forget(WriteOp op)
    {
        _database.Writer.Enqueue(op);
        _ = op.Completion.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}

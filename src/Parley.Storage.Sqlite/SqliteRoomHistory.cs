using System.Globalization;
using Parley.Core.Rooms;
using Parley.Storage.Sqlite.Writing;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Room messages in the SQLite database, stored like direct messages: each append is queued to
/// the one writer (group commit) and its task completes when committed. Messages of a room that
/// is not registered are deleted when it closes, and at start-up (a room that was open when the
/// server stopped is gone after the restart).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SqliteRoomHistory : IRoomHistory
{
    private readonly SqliteDatabase _database;

    /// <summary>
    /// Creates the history over an open database, reads the largest stored id, and queues the
    /// deletion of messages of rooms that are not registered (ahead of any new message).
    /// </summary>
    /// <param name="database">The database.</param>
    public SqliteRoomHistory(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        using (var connection = database.OpenReader())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM room_messages";
            LastId = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        Forget(new DeleteRoomMessagesOp(room: null));
    }

    /// <inheritdoc />
    public long LastId { get; }

    /// <inheritdoc />
    public Task Append(RoomMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var op = new InsertRoomMessageOp(message);
        _database.Writer.Enqueue(op);
        return op.Completion;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RoomMessage>> ReadAsync(string room, int count, long? beforeId, CancellationToken cancellationToken = default) =>
        ReadAsync(room, count, beforeId, withEvents: false, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RoomMessage>> ReadWithEventsAsync(string room, int count, long? beforeId, CancellationToken cancellationToken = default) =>
        ReadAsync(room, count, beforeId, withEvents: true, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Queued to the writer beside the messages (group commit), never awaited; a failure is logged by the writer.</remarks>
    public void AppendEvent(RoomMessage entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Forget(new InsertRoomEventOp(entry));
    }

    private async ValueTask<IReadOnlyList<RoomMessage>> ReadAsync(string room, int count, long? beforeId, bool withEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        // Read-your-writes: a message handed to members (and echoed) before this read is shown.
        await _database.Writer.FlushAsync(cancellationToken);
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT id, room, from_nick, from_account, text, sent_utc, kind, target FROM room_messages WHERE room_key = $key AND id < $before{(withEvents ? "" : " AND kind = 0")} ORDER BY id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$key", RoomKey.Of(room));
        command.Parameters.AddWithValue("$before", beforeId ?? long.MaxValue);
        command.Parameters.AddWithValue("$limit", count);
        var messages = new List<RoomMessage>(count);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                messages.Add(new RoomMessage(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3))
                {
                    Kind = (RoomEntryKind)reader.GetInt32(6),
                    Target = reader.IsDBNull(7) ? null : reader.GetString(7),
                });
            }
        }

        messages.Reverse();
        return messages;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Walks the room's index back from its newest message to the first inside the window: at
    /// once when the window ends now (what clients ask), the room's messages at worst.
    /// </remarks>
    public async ValueTask<DateTimeOffset?> GetLatestTimeAsync(string room, DateTimeOffset after, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(room);
        await _database.Writer.FlushAsync(cancellationToken);
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT sent_utc FROM room_messages WHERE room_key = $key AND sent_utc > $after AND sent_utc < $before AND kind = 0 ORDER BY id DESC LIMIT 1";
        command.Parameters.AddWithValue("$key", RoomKey.Of(room));
        command.Parameters.AddWithValue("$after", after.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
        return command.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <inheritdoc />
    public async ValueTask<RoomMessage?> FindAsync(string room, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(room);
        await _database.Writer.FlushAsync(cancellationToken);
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, room, from_nick, from_account, text, sent_utc FROM room_messages WHERE id = $id AND room_key = $key AND kind = 0";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$key", RoomKey.Of(room));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        return new RoomMessage(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(4),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
            reader.IsDBNull(3) ? null : reader.GetInt64(3));
    }

    /// <inheritdoc />
    public Task RemoveAsync(string room, long id)
    {
        ArgumentNullException.ThrowIfNull(room);
        var op = new RedactMessageOp(room, id);
        _database.Writer.Enqueue(op);
        return op.Completion;
    }

    /// <inheritdoc />
    public void OnRoomClosed(string room)
    {
        ArgumentNullException.ThrowIfNull(room);
        // Queued after every message the room's members sent, so all of them go.
        Forget(new DeleteRoomMessagesOp(room));
    }

    // Fire and forget: the writer logs a failed batch; observing the fault here keeps it quiet.
    private void Forget(WriteOp op)
    {
        _database.Writer.Enqueue(op);
        _ = op.Completion.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}

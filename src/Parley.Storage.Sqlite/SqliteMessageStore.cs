using Microsoft.Data.Sqlite;
using Parley.Core.Messages;
using Parley.Storage.Sqlite.Writing;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Messages in the SQLite database. <see cref="Append"/> assigns ids in memory (continuing from
/// the largest stored id) and queues the insert to the one writer, which commits in batches.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SqliteMessageStore : IMessageStore
{
    private const string Columns = "id, sent_utc, kind, from_nick, to_nick, text";

    private readonly SqliteDatabase _database;
    private readonly Lock _appendLock = new();
    private long _lastId;

    /// <summary>Creates the store over an open database.</summary>
    /// <param name="database">The database.</param>
    public SqliteMessageStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _lastId = database.LastMessageId;
    }

    /// <inheritdoc />
    public MessageReceipt Append(NewMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        InsertMessageOp op;
        long id;
        // One lock around id and queue: the writer sees ids in increasing order.
        lock (_appendLock)
        {
            id = ++_lastId;
            op = new InsertMessageOp(id, message);
            _database.Writer.Enqueue(op);
        }

        var stored = new ChatMessage(id, message.SentUtc, message.Kind, message.From, message.To, message.Text);
        return new MessageReceipt(stored, op.Completion);
    }

    /// <inheritdoc />
    public Task FlushAsync(CancellationToken cancellationToken = default) => _database.Writer.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ChatMessage>> GetUndeliveredAsync(long accountId, int limit, CancellationToken cancellationToken = default)
    {
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM messages WHERE to_account = $account AND delivered = 0 ORDER BY id LIMIT $limit";
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$limit", limit);
        return ValueTask.FromResult<IReadOnlyList<ChatMessage>>(ReadAll(command, reverse: false));
    }

    /// <inheritdoc />
    public ValueTask<int> CountUndeliveredAsync(long accountId, CancellationToken cancellationToken = default)
    {
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM messages WHERE to_account = $account AND delivered = 0";
        command.Parameters.AddWithValue("$account", accountId);
        return ValueTask.FromResult(Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public Task MarkDeliveredAsync(long accountId, long throughId)
    {
        var op = new MarkDeliveredOp(accountId, throughId);
        _database.Writer.Enqueue(op);
        return op.Completion;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ChatMessage>> GetHistoryAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        // Each half stops at the limit by itself, through its own partial index; UNION drops the
        // duplicate a message to oneself would make.
        command.CommandText = query.WithNick is null
            ? $"SELECT {Columns} FROM messages WHERE kind = 2 AND id < $before ORDER BY id DESC LIMIT $limit"
            : $"""
              SELECT {Columns} FROM (
                SELECT * FROM (SELECT {Columns} FROM messages
                               WHERE kind = 1 AND from_account = $account AND to_key = $key AND id < $before
                               ORDER BY id DESC LIMIT $limit)
                UNION
                SELECT * FROM (SELECT {Columns} FROM messages
                               WHERE kind = 1 AND to_account = $account AND from_key = $key AND id < $before
                               ORDER BY id DESC LIMIT $limit)
              ) ORDER BY id DESC LIMIT $limit
              """;
        command.Parameters.AddWithValue("$before", query.BeforeId ?? long.MaxValue);
        command.Parameters.AddWithValue("$limit", query.Limit);
        if (query.WithNick is not null)
        {
            command.Parameters.AddWithValue("$account", query.AccountId);
            command.Parameters.AddWithValue("$key", NickKey.Of(query.WithNick));
        }

        return ValueTask.FromResult<IReadOnlyList<ChatMessage>>(ReadAll(command, reverse: true));
    }

    /// <inheritdoc />
    /// <remarks>Reads the account's direct messages through its two partial indexes; nicks compare by key.</remarks>
    public ValueTask<IReadOnlyList<HistoryTarget>> GetTargetsAsync(long accountId, DateTimeOffset after, DateTimeOffset before, int limit, bool newest, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        // SQLite takes the bare column (nick) from the row that gave MAX: the newest spelling.
        command.CommandText = $"""
            SELECT nick, MAX(sent_utc) AS latest FROM (
              SELECT to_nick AS nick, to_key AS nick_key, sent_utc FROM messages
              WHERE kind = 1 AND from_account = $account AND sent_utc > $after AND sent_utc < $before
              UNION ALL
              SELECT from_nick, from_key, sent_utc FROM messages
              WHERE kind = 1 AND to_account = $account AND sent_utc > $after AND sent_utc < $before
            ) GROUP BY nick_key ORDER BY latest {(newest ? "DESC" : "ASC")} LIMIT $limit
            """;
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$after", after.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        var targets = new List<HistoryTarget>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            targets.Add(new HistoryTarget(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))));
        return ValueTask.FromResult<IReadOnlyList<HistoryTarget>>(targets);
    }

    /// <inheritdoc />
    public ValueTask<StoredMessage?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns}, from_account, to_account FROM messages WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return ValueTask.FromResult<StoredMessage?>(null);
        var message = new ChatMessage(
            reader.GetInt64(0),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
            (MessageKind)reader.GetInt32(2),
            reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetString(5));
        return ValueTask.FromResult<StoredMessage?>(new StoredMessage(
            message, reader.IsDBNull(6) ? null : reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetInt64(7)));
    }

    /// <inheritdoc />
    public Task RemoveAsync(long id)
    {
        var op = new RedactMessageOp(room: null, id);
        _database.Writer.Enqueue(op);
        return op.Completion;
    }

    private static List<ChatMessage> ReadAll(SqliteCommand command, bool reverse)
    {
        var messages = new List<ChatMessage>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            messages.Add(new ChatMessage(
                reader.GetInt64(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                (MessageKind)reader.GetInt32(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5)));
        }

        if (reverse)
            messages.Reverse();
        return messages;
    }
}

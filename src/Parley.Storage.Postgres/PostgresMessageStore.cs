using Npgsql;
using Parley.Core.Messages;
using Parley.Storage.Postgres.Writing;

namespace Parley.Storage.Postgres;

/// <summary>
/// Direct messages and broadcasts in PostgreSQL. <see cref="Append"/> takes an id from the
/// process's block (<see cref="PostgresMessageIds"/>) and queues the insert to the one writer,
/// which commits in batches; the receipt's task completes after the commit.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class PostgresMessageStore : IMessageStore
{
    private const string Columns = "id, sent_utc, kind, from_nick, to_nick, text";

    private readonly PostgresDatabase _database;
    private readonly Lock _appendLock = new();

    /// <summary>Creates the store over an open database.</summary>
    /// <param name="database">The database.</param>
    public PostgresMessageStore(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    /// <remarks>
    /// When no id can be had (PostgreSQL unreachable when a new block of ids is needed) the
    /// receipt's message has id 0 and its task faults with
    /// <see cref="Core.Storage.StoreUnavailableException"/>: the sender is told it was not stored.
    /// </remarks>
    public MessageReceipt Append(NewMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        InsertMessageOp? op = null;
        long id;
        // One lock around id and queue: the writer sees ids in increasing order.
        lock (_appendLock)
        {
            if (_database.MessageIds.TryNext(out id))
            {
                op = new InsertMessageOp(id, message);
                _database.Writer.Enqueue(op);
            }
        }

        var stored = new ChatMessage(id, message.SentUtc, message.Kind, message.From, message.To, message.Text);
        return new MessageReceipt(stored, op?.Completion ?? Task.FromException(PostgresFailures.Unavailable(_database.Server, new TimeoutException("no message id could be reserved"))));
    }

    /// <inheritdoc />
    public Task FlushAsync(CancellationToken cancellationToken = default) => _database.Writer.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ChatMessage>> GetUndeliveredAsync(long accountId, int limit, CancellationToken cancellationToken = default) =>
        _database.ReadAsync((connection, ct) => ReadAllAsync(
            Commands.Create(connection, $"SELECT {Columns} FROM messages WHERE to_account = $1 AND NOT delivered ORDER BY id LIMIT $2",
                Parameters.Long(accountId), Parameters.Int(limit)), reverse: false, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask<int> CountUndeliveredAsync(long accountId, CancellationToken cancellationToken = default) =>
        _database.ReadAsync(async (connection, ct) =>
        {
            await using var command = Commands.Create(connection, "SELECT COUNT(*) FROM messages WHERE to_account = $1 AND NOT delivered", Parameters.Long(accountId));
            return (int)(long)(await command.ExecuteScalarAsync(ct))!;
        }, cancellationToken);

    /// <inheritdoc />
    public Task MarkDeliveredAsync(long accountId, long throughId)
    {
        var op = new DelegateWriteOp<int>(context =>
            context.Execute("UPDATE messages SET delivered = true WHERE to_account = $1 AND NOT delivered AND id <= $2", Parameters.Long(accountId), Parameters.Long(throughId)));
        _database.Writer.Enqueue(op);
        return op.Completion;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ChatMessage>> GetHistoryAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Each half stops at the limit by itself, through its own partial index; UNION drops the
        // duplicate a message to oneself would make.
        var sql = query.WithNick is null
            ? $"SELECT {Columns} FROM messages WHERE kind = 2 AND id < $1 ORDER BY id DESC LIMIT $2"
            : $"""
              SELECT {Columns} FROM (
                (SELECT {Columns} FROM messages
                 WHERE kind = 1 AND from_account = $3 AND to_key = $4 AND id < $1 ORDER BY id DESC LIMIT $2)
                UNION
                (SELECT {Columns} FROM messages
                 WHERE kind = 1 AND to_account = $3 AND from_key = $4 AND id < $1 ORDER BY id DESC LIMIT $2)
              ) AS both_ways ORDER BY id DESC LIMIT $2
              """;
        return _database.ReadAsync((connection, ct) =>
        {
            var command = Commands.Create(connection, sql, Parameters.Long(query.BeforeId ?? long.MaxValue), Parameters.Int(query.Limit));
            if (query.WithNick is not null)
            {
                command.Parameters.Add(Parameters.Long(query.AccountId));
                command.Parameters.Add(Parameters.Text(NickKey.Of(query.WithNick)));
            }

            return ReadAllAsync(command, reverse: true, ct);
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Reads the account's direct messages through its two partial indexes; nicks compare by key, the newest spelling is shown.</remarks>
    public ValueTask<IReadOnlyList<HistoryTarget>> GetTargetsAsync(long accountId, DateTimeOffset after, DateTimeOffset before, int limit, bool newest, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var sql = $"""
            SELECT DISTINCT ON (nick_key) nick, nick_key, sent_utc FROM (
              SELECT to_nick AS nick, to_key AS nick_key, sent_utc, id FROM messages
              WHERE kind = 1 AND from_account = $1 AND sent_utc > $2 AND sent_utc < $3
              UNION ALL
              SELECT from_nick, from_key, sent_utc, id FROM messages
              WHERE kind = 1 AND to_account = $1 AND sent_utc > $2 AND sent_utc < $3
            ) AS talked ORDER BY nick_key, sent_utc DESC, id DESC
            """;
        return _database.ReadAsync<IReadOnlyList<HistoryTarget>>(async (connection, ct) =>
        {
            await using var command = Commands.Create(connection,
                $"SELECT nick, sent_utc FROM ({sql}) AS latest ORDER BY sent_utc {(newest ? "DESC" : "ASC")}, nick_key LIMIT $4",
                Parameters.Long(accountId), Parameters.Long(after.ToUnixTimeMilliseconds()), Parameters.Long(before.ToUnixTimeMilliseconds()), Parameters.Int(limit));
            await using var reader = await command.ExecuteReaderAsync(ct);
            var targets = new List<HistoryTarget>();
            while (await reader.ReadAsync(ct))
                targets.Add(new HistoryTarget(reader.GetString(0), Commands.Time(reader.GetInt64(1))));
            return targets;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<StoredMessage?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        _database.ReadAsync(async (connection, ct) =>
        {
            await using var command = Commands.Create(connection, $"SELECT {Columns}, from_account, to_account FROM messages WHERE id = $1", Parameters.Long(id));
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
                return null;
            return new StoredMessage(Read(reader), reader.IsDBNull(6) ? null : reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetInt64(7));
        }, cancellationToken);

    /// <inheritdoc />
    public Task RemoveAsync(long id)
    {
        var op = new DelegateWriteOp<int>(context => context.Execute("DELETE FROM messages WHERE id = $1", Parameters.Long(id)));
        _database.Writer.Enqueue(op);
        return op.Completion;
    }

    private static ChatMessage Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        Commands.Time(reader.GetInt64(1)),
        (MessageKind)reader.GetInt32(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetString(5));

    private static async Task<IReadOnlyList<ChatMessage>> ReadAllAsync(NpgsqlCommand command, bool reverse, CancellationToken cancellationToken)
    {
        await using (command)
        {
            var messages = new List<ChatMessage>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                messages.Add(Read(reader));
            if (reverse)
                messages.Reverse();
            return messages;
        }
    }
}

using Parley.Core.Accounts;
using Parley.Storage.Postgres.Writing;

namespace Parley.Storage.Postgres;

/// <summary>The browsers' sign-in sessions in PostgreSQL (<c>web_sessions</c>, migration 9), keyed by the token's hash.</summary>
/// <remarks>Thread-safe. Writes go through the one writer and complete once committed; a read first waits for the writes queued before it (read-your-writes).</remarks>
public sealed class PostgresWebSessionStore : IWebSessionStore
{
    private readonly PostgresDatabase _database;

    /// <summary>Creates the store over an open database.</summary>
    /// <param name="database">The database.</param>
    public PostgresWebSessionStore(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask CreateAsync(WebSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var inserted = await WriteAsync(context => context.Execute(
            "INSERT INTO web_sessions (token_hash, account_id, created_utc, last_used_utc, expires_utc) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (token_hash) DO NOTHING",
            Parameters.Text(session.TokenHash), Parameters.Long(session.AccountId), Parameters.Long(session.CreatedUtc.ToUnixTimeMilliseconds()),
            Parameters.Long(session.LastUsedUtc.ToUnixTimeMilliseconds()), Parameters.Long(session.ExpiresUtc.ToUnixTimeMilliseconds())), cancellationToken);
        if (inserted != 1)
            throw new InvalidOperationException("a web session with this token hash exists already");
    }

    /// <inheritdoc />
    public async ValueTask<WebSession?> FindAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        await _database.Writer.FlushAsync(cancellationToken);
        return await _database.ReadAsync(async (connection, ct) =>
        {
            await using var command = Commands.Create(connection,
                "SELECT account_id, created_utc, last_used_utc, expires_utc FROM web_sessions WHERE token_hash = $1", Parameters.Text(tokenHash));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct)
                ? new WebSession(tokenHash, reader.GetInt64(0), Commands.Time(reader.GetInt64(1)), Commands.Time(reader.GetInt64(2)), Commands.Time(reader.GetInt64(3)))
                : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<bool> TouchAsync(string tokenHash, DateTimeOffset lastUsedUtc, DateTimeOffset expiresUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return await WriteAsync(context => context.Execute(
            "UPDATE web_sessions SET last_used_utc = $1, expires_utc = $2 WHERE token_hash = $3",
            Parameters.Long(lastUsedUtc.ToUnixTimeMilliseconds()), Parameters.Long(expiresUtc.ToUnixTimeMilliseconds()), Parameters.Text(tokenHash)), cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return await WriteAsync(context => context.Execute("DELETE FROM web_sessions WHERE token_hash = $1", Parameters.Text(tokenHash)), cancellationToken) == 1;
    }

    /// <inheritdoc />
    public ValueTask<int> DeleteAllAsync(long accountId, CancellationToken cancellationToken = default) =>
        WriteAsync(context => context.Execute("DELETE FROM web_sessions WHERE account_id = $1", Parameters.Long(accountId)), cancellationToken);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<string>> DeleteOldestAsync(long accountId, int keep, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        var op = new DelegateWriteOp<IReadOnlyList<string>>(context =>
        {
            using var command = context.Command(
                """
                DELETE FROM web_sessions WHERE token_hash IN (
                    SELECT token_hash FROM web_sessions WHERE account_id = $1
                    ORDER BY last_used_utc DESC, created_utc DESC, token_hash COLLATE "C" OFFSET $2)
                RETURNING token_hash
                """);
            command.Parameters.Add(Parameters.Long(accountId));
            command.Parameters.Add(Parameters.Long(keep));
            var hashes = new List<string>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
                hashes.Add(reader.GetString(0));
            return hashes;
        });
        _database.Writer.Enqueue(op);
        return await op.Result.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<int> PurgeExpiredAsync(DateTimeOffset nowUtc, CancellationToken cancellationToken = default) =>
        WriteAsync(context => context.Execute("DELETE FROM web_sessions WHERE expires_utc <= $1", Parameters.Long(nowUtc.ToUnixTimeMilliseconds())), cancellationToken);

    private async ValueTask<int> WriteAsync(Func<WriteContext, int> write, CancellationToken cancellationToken)
    {
        var op = new DelegateWriteOp<int>(write);
        _database.Writer.Enqueue(op);
        return await op.Result.WaitAsync(cancellationToken);
    }
}

using Parley.Core.Accounts;
using Parley.Storage.Sqlite.Writing;

namespace Parley.Storage.Sqlite;

/// <summary>
/// The browsers' sign-in sessions in the database (<c>web_sessions</c>, migration 9): only the
/// token's hash. Reads use a pooled connection; writes go through the one writer.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SqliteWebSessionStore : IWebSessionStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over an open database.</summary>
    /// <param name="database">The database.</param>
    public SqliteWebSessionStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask CreateAsync(WebSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!await WriteAsync(s => s.Insert(session), cancellationToken))
            throw new InvalidOperationException("a web session with this token hash exists already");
    }

    /// <inheritdoc />
    public ValueTask<WebSession?> FindAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT account_id, created_utc, last_used_utc, expires_utc FROM web_sessions WHERE token_hash = $hash";
        command.Parameters.AddWithValue("$hash", tokenHash);
        using var reader = command.ExecuteReader();
        return ValueTask.FromResult(reader.Read()
            ? new WebSession(tokenHash, reader.GetInt64(0), Time(reader.GetInt64(1)), Time(reader.GetInt64(2)), Time(reader.GetInt64(3)))
            : null);
    }

    /// <inheritdoc />
    public ValueTask<bool> TouchAsync(string tokenHash, DateTimeOffset lastUsedUtc, DateTimeOffset expiresUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return WriteAsync(s => s.Touch(tokenHash, lastUsedUtc, expiresUtc), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return WriteAsync(s => s.Delete(tokenHash), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<int> DeleteAllAsync(long accountId, CancellationToken cancellationToken = default) =>
        WriteAsync(s => s.DeleteAll(accountId), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> DeleteOldestAsync(long accountId, int keep, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        return WriteAsync(s => s.DeleteOldest(accountId, keep), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<int> PurgeExpiredAsync(DateTimeOffset nowUtc, CancellationToken cancellationToken = default) =>
        WriteAsync(s => s.Purge(nowUtc), cancellationToken);

    private async ValueTask<T> WriteAsync<T>(Func<WebSessionStatements, T> write, CancellationToken cancellationToken)
    {
        var op = new WebSessionOp<T>(write);
        _database.Writer.Enqueue(op);
        return await op.Result.WaitAsync(cancellationToken);
    }

    private static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
}

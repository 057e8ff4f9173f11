using Parley.Core.Accounts;
using Parley.Storage.Sqlite.Writing;

namespace Parley.Storage.Sqlite;

/// <summary>Accounts in the SQLite database. Reads use pooled connections; writes go through the one writer.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SqliteAccountStore : IAccountStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over an open database.</summary>
    /// <param name="database">The database.</param>
    public SqliteAccountStore(SqliteDatabase database) => _database = database;

    /// <inheritdoc />
    public ValueTask<Account?> FindAsync(string nick, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nick);
        var key = NickKey.Of(nick);
        if (!_database.AccountNickKeys.ContainsKey(key))
            return ValueTask.FromResult<Account?>(null);
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, nick, password_hash, created_utc FROM accounts WHERE nick_key = $key";
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        return ValueTask.FromResult(reader.Read() ? Read(reader) : null);
    }

    /// <inheritdoc />
    public ValueTask<Account?> FindByIdAsync(long accountId, CancellationToken cancellationToken = default)
    {
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, nick, password_hash, created_utc FROM accounts WHERE id = $id";
        command.Parameters.AddWithValue("$id", accountId);
        using var reader = command.ExecuteReader();
        return ValueTask.FromResult(reader.Read() ? Read(reader) : null);
    }

    /// <inheritdoc />
    public async ValueTask<Account?> CreateAsync(string nick, string passwordHash, DateTimeOffset createdUtc, CancellationToken cancellationToken = default)
    {
        var op = new CreateAccountOp(nick, passwordHash, createdUtc);
        // Known before it commits: a key without an account only costs FindAsync a query.
        _database.AccountNickKeys[NickKey.Of(nick)] = true;
        _database.Writer.Enqueue(op);
        return await op.Result.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(long accountId, CancellationToken cancellationToken = default)
    {
        var op = new DeleteAccountOp(accountId);
        _database.Writer.Enqueue(op);
        return await op.Result.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask UpdatePasswordHashAsync(long accountId, string passwordHash, CancellationToken cancellationToken = default)
    {
        var op = new UpdatePasswordOp(accountId, passwordHash);
        _database.Writer.Enqueue(op);
        await op.Result.WaitAsync(cancellationToken);
    }

    private static Account Read(Microsoft.Data.Sqlite.SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
}

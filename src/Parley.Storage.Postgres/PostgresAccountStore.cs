using Npgsql;
using Parley.Core.Accounts;
using Parley.Storage.Postgres.Writing;

namespace Parley.Storage.Postgres;

/// <summary>Accounts in PostgreSQL. Reads use pooled connections; writes go through the one writer.</summary>
/// <remarks>
/// Thread-safe. Unlike the SQLite store it keeps no nick cache in memory: in a cluster another
/// node may create an account at any time, so every lookup asks the database.
/// </remarks>
public sealed class PostgresAccountStore : IAccountStore
{
    private const string Columns = "id, nick, password_hash, created_utc";

    private readonly PostgresDatabase _database;

    /// <summary>Creates the store over an open database.</summary>
    /// <param name="database">The database.</param>
    public PostgresAccountStore(PostgresDatabase database) => _database = database;

    /// <inheritdoc />
    /// <exception cref="Core.Storage.StoreUnavailableException">PostgreSQL cannot be reached.</exception>
    public ValueTask<Account?> FindAsync(string nick, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nick);
        var key = NickKey.Of(nick);
        return _database.ReadAsync((connection, ct) => FindOneAsync(connection, $"SELECT {Columns} FROM accounts WHERE nick_key = $1", Parameters.Text(key), ct), cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="Core.Storage.StoreUnavailableException">PostgreSQL cannot be reached.</exception>
    public ValueTask<Account?> FindByIdAsync(long accountId, CancellationToken cancellationToken = default) =>
        _database.ReadAsync((connection, ct) => FindOneAsync(connection, $"SELECT {Columns} FROM accounts WHERE id = $1", Parameters.Long(accountId), ct), cancellationToken);

    /// <inheritdoc />
    public async ValueTask<Account?> CreateAsync(string nick, string passwordHash, DateTimeOffset createdUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nick);
        ArgumentNullException.ThrowIfNull(passwordHash);
        var op = new DelegateWriteOp<Account?>(context =>
            context.Scalar(
                "INSERT INTO accounts (nick, nick_key, password_hash, created_utc) VALUES ($1, $2, $3, $4) ON CONFLICT (nick_key) DO NOTHING RETURNING id",
                Parameters.Text(nick), Parameters.Text(NickKey.Of(nick)), Parameters.Text(passwordHash), Parameters.Long(createdUtc.ToUnixTimeMilliseconds()))
                is long id ? new Account(id, nick, passwordHash, createdUtc) : null);
        _database.Writer.Enqueue(op);
        return await op.Result.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Rows that named the account lose the link, as in SQLite: a later account never inherits them.</remarks>
    public async ValueTask<bool> DeleteAsync(long accountId, CancellationToken cancellationToken = default)
    {
        var op = new DelegateWriteOp<bool>(context =>
        {
            context.Execute("DELETE FROM client_certificates WHERE account_id = $1", Parameters.Long(accountId));
            context.Execute("DELETE FROM read_markers WHERE account_id = $1", Parameters.Long(accountId));
            context.Execute("DELETE FROM web_sessions WHERE account_id = $1", Parameters.Long(accountId));
            context.Execute("UPDATE messages SET to_account = NULL, delivered = true WHERE to_account = $1", Parameters.Long(accountId));
            context.Execute("UPDATE messages SET from_account = NULL WHERE from_account = $1", Parameters.Long(accountId));
            context.Execute("UPDATE room_messages SET from_account = NULL WHERE from_account = $1", Parameters.Long(accountId));
            return context.Execute("DELETE FROM accounts WHERE id = $1", Parameters.Long(accountId)) == 1;
        });
        _database.Writer.Enqueue(op);
        return await op.Result.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask UpdatePasswordHashAsync(long accountId, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passwordHash);
        var op = new DelegateWriteOp<bool>(context =>
            context.Execute("UPDATE accounts SET password_hash = $1 WHERE id = $2", Parameters.Text(passwordHash), Parameters.Long(accountId)) == 1);
        _database.Writer.Enqueue(op);
        await op.Result.WaitAsync(cancellationToken);
    }

    internal static Account Read(NpgsqlDataReader reader, int first = 0) =>
        new(reader.GetInt64(first), reader.GetString(first + 1), reader.GetString(first + 2), Commands.Time(reader.GetInt64(first + 3)));

    private static async Task<Account?> FindOneAsync(NpgsqlConnection connection, string sql, NpgsqlParameter parameter, CancellationToken cancellationToken)
    {
        await using var command = Commands.Create(connection, sql, parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }
}

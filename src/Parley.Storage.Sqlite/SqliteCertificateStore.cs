using Parley.Core.Accounts;
using Parley.Core.Security;
using Parley.Storage.Sqlite.Writing;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Client certificates registered to accounts, in the SQLite database (<c>client_certificates</c>).
/// Reads use pooled connections; writes go through the one writer, like the account store's.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SqliteCertificateStore : ICertificateStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over an open database.</summary>
    /// <param name="database">The database.</param>
    public SqliteCertificateStore(SqliteDatabase database) => _database = database;

    /// <inheritdoc />
    public async ValueTask<CertificateAddResult> AddAsync(
        long accountId, string fingerprint, string? label, DateTimeOffset addedUtc, int maxPerAccount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var op = new AddCertificateOp(accountId, fingerprint, label, addedUtc, maxPerAccount);
        _database.Writer.Enqueue(op);
        return await op.Result.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AccountCertificate>> ListAsync(long accountId, CancellationToken cancellationToken = default)
    {
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT fingerprint, added_utc, label FROM client_certificates WHERE account_id = $account ORDER BY added_utc, fingerprint";
        command.Parameters.AddWithValue("$account", accountId);
        using var reader = command.ExecuteReader();
        var certificates = new List<AccountCertificate>();
        while (reader.Read())
        {
            certificates.Add(new AccountCertificate(
                reader.GetString(0),
                accountId,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return ValueTask.FromResult<IReadOnlyList<AccountCertificate>>(certificates);
    }

    /// <inheritdoc />
    public async ValueTask<bool> RemoveAsync(long accountId, string fingerprint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var op = new RemoveCertificateOp(accountId, fingerprint);
        _database.Writer.Enqueue(op);
        return await op.Result.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>A fingerprint in another form (lower case, colons) is normalised first; one that is not a fingerprint finds nothing.</remarks>
    public ValueTask<Account?> FindAccountByCertificateAsync(string fingerprint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (!CertificateFingerprint.TryNormalize(fingerprint, out var canonical))
            return ValueTask.FromResult<Account?>(null);
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT a.id, a.nick, a.password_hash, a.created_utc FROM client_certificates c JOIN accounts a ON a.id = c.account_id
            WHERE c.fingerprint = $fingerprint
            """;
        command.Parameters.AddWithValue("$fingerprint", canonical);
        using var reader = command.ExecuteReader();
        return ValueTask.FromResult(reader.Read() ? new Account(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))) : null);
    }
}

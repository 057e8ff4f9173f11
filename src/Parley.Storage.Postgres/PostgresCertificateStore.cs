using Parley.Core.Accounts;
using Parley.Core.Security;
using Parley.Storage.Postgres.Writing;

namespace Parley.Storage.Postgres;

/// <summary>Client certificates registered to accounts, in PostgreSQL (<c>client_certificates</c>).</summary>
/// <remarks>
/// Thread-safe. The limit check and the insert run in one transaction of the one writer; the
/// fingerprint's primary key keeps it to one account even across nodes. Two nodes adding to one
/// account at the same instant could pass its limit by one each (the cluster step adds the
/// account's lock).
/// </remarks>
public sealed class PostgresCertificateStore : ICertificateStore
{
    private readonly PostgresDatabase _database;

    /// <summary>Creates the store over an open database.</summary>
    /// <param name="database">The database.</param>
    public PostgresCertificateStore(PostgresDatabase database) => _database = database;

    /// <inheritdoc />
    public async ValueTask<CertificateAddResult> AddAsync(
        long accountId, string fingerprint, string? label, DateTimeOffset addedUtc, int maxPerAccount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var op = new DelegateWriteOp<CertificateAddResult>(context =>
        {
            var count = (long)context.Scalar("SELECT COUNT(*) FROM client_certificates WHERE account_id = $1", Parameters.Long(accountId))!;
            if (count >= maxPerAccount)
            {
                return context.Scalar("SELECT 1 FROM client_certificates WHERE fingerprint = $1", Parameters.Text(fingerprint)) is not null
                    ? CertificateAddResult.AlreadyRegistered
                    : CertificateAddResult.LimitReached;
            }

            return context.Execute(
                "INSERT INTO client_certificates (fingerprint, account_id, added_utc, label) VALUES ($1, $2, $3, $4) ON CONFLICT (fingerprint) DO NOTHING",
                Parameters.Text(fingerprint), Parameters.Long(accountId), Parameters.Long(addedUtc.ToUnixTimeMilliseconds()), Parameters.Text(label)) == 1
                ? CertificateAddResult.Added
                : CertificateAddResult.AlreadyRegistered;
        });
        _database.Writer.Enqueue(op);
        return await op.Result.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AccountCertificate>> ListAsync(long accountId, CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyList<AccountCertificate>>(async (connection, ct) =>
        {
            await using var command = Commands.Create(connection,
                "SELECT fingerprint, added_utc, label FROM client_certificates WHERE account_id = $1 ORDER BY added_utc, fingerprint",
                Parameters.Long(accountId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            var certificates = new List<AccountCertificate>();
            while (await reader.ReadAsync(ct))
                certificates.Add(new AccountCertificate(reader.GetString(0), accountId, Commands.Time(reader.GetInt64(1)), reader.IsDBNull(2) ? null : reader.GetString(2)));
            return certificates;
        }, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<bool> RemoveAsync(long accountId, string fingerprint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var op = new DelegateWriteOp<bool>(context =>
            context.Execute("DELETE FROM client_certificates WHERE account_id = $1 AND fingerprint = $2", Parameters.Long(accountId), Parameters.Text(fingerprint)) == 1);
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
        return _database.ReadAsync(async (connection, ct) =>
        {
            await using var command = Commands.Create(connection,
                "SELECT a.id, a.nick, a.password_hash, a.created_utc FROM client_certificates c JOIN accounts a ON a.id = c.account_id WHERE c.fingerprint = $1",
                Parameters.Text(canonical));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? PostgresAccountStore.Read(reader) : null;
        }, cancellationToken);
    }
}

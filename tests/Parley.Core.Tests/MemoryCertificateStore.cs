using Parley.Core.Accounts;

namespace Parley.Core.Tests;

/// <summary>Client certificates in memory, over a <see cref="MemoryAccountStore"/>'s accounts.</summary>
internal sealed class MemoryCertificateStore(MemoryAccountStore accounts) : ICertificateStore
{
    private readonly List<AccountCertificate> _certificates = [];

    public ValueTask<CertificateAddResult> AddAsync(
        long accountId, string fingerprint, string? label, DateTimeOffset addedUtc, int maxPerAccount, CancellationToken cancellationToken = default)
    {
        lock (_certificates)
        {
            if (_certificates.Any(c => c.Fingerprint == fingerprint))
                return ValueTask.FromResult(CertificateAddResult.AlreadyRegistered);
            if (_certificates.Count(c => c.AccountId == accountId) >= maxPerAccount)
                return ValueTask.FromResult(CertificateAddResult.LimitReached);
            _certificates.Add(new AccountCertificate(fingerprint, accountId, addedUtc, label));
            return ValueTask.FromResult(CertificateAddResult.Added);
        }
    }

    public ValueTask<IReadOnlyList<AccountCertificate>> ListAsync(long accountId, CancellationToken cancellationToken = default)
    {
        lock (_certificates)
            return ValueTask.FromResult<IReadOnlyList<AccountCertificate>>([.. _certificates.Where(c => c.AccountId == accountId)]);
    }

    public ValueTask<bool> RemoveAsync(long accountId, string fingerprint, CancellationToken cancellationToken = default)
    {
        lock (_certificates)
            return ValueTask.FromResult(_certificates.RemoveAll(c => c.AccountId == accountId && c.Fingerprint == fingerprint) == 1);
    }

    public async ValueTask<Account?> FindAccountByCertificateAsync(string fingerprint, CancellationToken cancellationToken = default)
    {
        AccountCertificate? found;
        lock (_certificates)
            found = _certificates.FirstOrDefault(c => c.Fingerprint == fingerprint);
        return found is null ? null : await accounts.FindByIdAsync(found.AccountId, cancellationToken);
    }
}

namespace Parley.Core.Accounts;

/// <summary>
/// Port: the client certificates registered to accounts for certificate login. A fingerprint
/// belongs to at most one account. Fingerprints are in canonical form
/// (<see cref="Security.CertificateFingerprint.TryNormalize"/>) and compared ordinally.
/// </summary>
/// <remarks>Implementations are thread-safe. A write has completed only once it is durable.</remarks>
public interface ICertificateStore
{
    /// <summary>Registers <paramref name="fingerprint"/> to an account; completes once it is durable.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="fingerprint">The fingerprint, canonical.</param>
    /// <param name="label">The owner's name for it, or null.</param>
    /// <param name="addedUtc">When, for the record.</param>
    /// <param name="maxPerAccount">The most certificates one account may have; checked in the same transaction.</param>
    /// <param name="cancellationToken">Cancels waiting (the write may still happen).</param>
    /// <returns>
    /// <see cref="CertificateAddResult.Added"/>, or why nothing changed: the fingerprint is registered
    /// already (to any account), or the account has <paramref name="maxPerAccount"/>.
    /// </returns>
    ValueTask<CertificateAddResult> AddAsync(
        long accountId, string fingerprint, string? label, DateTimeOffset addedUtc, int maxPerAccount, CancellationToken cancellationToken = default);

    /// <summary>The certificates registered to an account, oldest first.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The certificates; empty when none.</returns>
    ValueTask<IReadOnlyList<AccountCertificate>> ListAsync(long accountId, CancellationToken cancellationToken = default);

    /// <summary>Removes a fingerprint from an account; completes once it is durable.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="fingerprint">The fingerprint, canonical.</param>
    /// <param name="cancellationToken">Cancels waiting (the write may still happen).</param>
    /// <returns>True when it was registered to that account (and is now removed).</returns>
    ValueTask<bool> RemoveAsync(long accountId, string fingerprint, CancellationToken cancellationToken = default);

    /// <summary>The account a client certificate is registered to: the lookup of certificate login (SASL EXTERNAL).</summary>
    /// <param name="fingerprint">
    /// The fingerprint, as <see cref="Sessions.ConnectionSecurity.ClientCertificateSha256"/> holds it.
    /// </param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The account, or null when no account registered it.</returns>
    ValueTask<Account?> FindAccountByCertificateAsync(string fingerprint, CancellationToken cancellationToken = default);
}

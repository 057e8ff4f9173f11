namespace Parley.Core.Accounts;

/// <summary>A client certificate registered to an account for certificate login (<c>/cert add</c>).</summary>
/// <param name="Fingerprint">Its fingerprint in canonical form (<see cref="Security.CertificateFingerprint"/>).</param>
/// <param name="AccountId">The account it logs in to.</param>
/// <param name="AddedUtc">When it was registered.</param>
/// <param name="Label">The owner's name for it (<c>laptop</c>), or null.</param>
public sealed record AccountCertificate(string Fingerprint, long AccountId, DateTimeOffset AddedUtc, string? Label);

namespace Parley.Core.Accounts;

/// <summary>The outcome of <see cref="ICertificateStore.AddAsync"/>.</summary>
public enum CertificateAddResult
{
    /// <summary>Registered.</summary>
    Added,

    /// <summary>The fingerprint is registered already, to this account or another: nothing changed.</summary>
    AlreadyRegistered,

    /// <summary>The account has the most certificates allowed: nothing changed.</summary>
    LimitReached,
}

namespace Parley.Client;

/// <summary>Why the client trusted the server's certificate.</summary>
public enum ServerTrust
{
    /// <summary>The chain leads to an authority the system trusts, and the name matches: the usual web way.</summary>
    CertificateAuthority,

    /// <summary>A self-signed certificate whose fingerprint <c>known_hosts</c> remembers for this server.</summary>
    KnownServer,

    /// <summary>First contact: the fingerprint equals <see cref="ParleyTlsOptions.TrustedFingerprint"/>; now remembered.</summary>
    TrustedFingerprint,

    /// <summary>First contact: the user confirmed the fingerprint (<see cref="ParleyTlsOptions.ConfirmFirstContact"/>); now remembered.</summary>
    ConfirmedByUser,
}

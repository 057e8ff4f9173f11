namespace Parley.Client;

/// <summary>Why the client refused a server's certificate.</summary>
public enum CertificateRejection
{
    /// <summary>The server presented no certificate.</summary>
    NoCertificate,

    /// <summary>The certificate has expired (or is not valid yet).</summary>
    Expired,

    /// <summary>The certificate is not for the name the client connected to.</summary>
    NameMismatch,

    /// <summary>The certificate chain is broken in a way trust on first use cannot fix (a bad signature, a revoked certificate).</summary>
    InvalidChain,

    /// <summary>No authority vouches for the certificate, the server is not in <c>known_hosts</c>, and the user did not trust it.</summary>
    UnknownServer,

    /// <summary>The certificate is not the one the user said to trust (<see cref="ParleyTlsOptions.TrustedFingerprint"/>).</summary>
    FingerprintMismatch,

    /// <summary>
    /// The server presents another certificate than the one remembered in <c>known_hosts</c>:
    /// someone may be intercepting the connection.
    /// </summary>
    Changed,
}

using System.Security.Cryptography.X509Certificates;

namespace Parley.Client;

/// <summary>
/// How <see cref="ParleyConnection"/> speaks TLS and decides whether to trust the server
/// (docs/tls.md). A certificate an authority vouches for, with the right name, is trusted as
/// usual; a self-signed one is trusted on first use, as ssh does, and remembered in
/// <see cref="KnownHosts"/>. An expired certificate or one for another name is always refused.
/// </summary>
public sealed record ParleyTlsOptions
{
    /// <summary>The name the certificate must be for (and the SNI sent); <see langword="null"/> (the default) uses <see cref="ParleyClientOptions.Host"/>.</summary>
    public string? TargetHost { get; init; }

    /// <summary>A client certificate, with its private key, to present for certificate login; <see langword="null"/> for none.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>
    /// Where self-signed certificates trusted before are remembered. <see langword="null"/> (the
    /// default) remembers nothing, so every contact is a first contact.
    /// </summary>
    public KnownHosts? KnownHosts { get; init; }

    /// <summary>
    /// On first contact, the fingerprint to trust without asking (<c>--trust-fingerprint</c>);
    /// another certificate is refused. It does not override a different fingerprint already in
    /// <see cref="KnownHosts"/>: a changed certificate is always refused.
    /// </summary>
    public string? TrustedFingerprint { get; init; }

    /// <summary>
    /// On first contact with a self-signed certificate and no <see cref="TrustedFingerprint"/>,
    /// asks the user; returns whether to trust (and remember) it. <see langword="null"/> (the
    /// default) refuses. Called during the handshake, on a thread-pool thread: it may block
    /// (read a terminal) but should not take long.
    /// </summary>
    public Func<ServerCertificateInfo, bool>? ConfirmFirstContact { get; init; }
}

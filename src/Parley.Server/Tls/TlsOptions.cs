namespace Parley.Server.Tls;

/// <summary>
/// TLS settings, bound from the configuration section <c>Parley:Tls</c> (docs/tls.md).
/// </summary>
public sealed record TlsOptions
{
    /// <summary>
    /// TCP port of the line protocol over TLS. Defaults to 55556, beside the plain 55555.
    /// 0 disables the TLS listener; -1 (<see cref="Hosting.ParleyOptions.AnyFreePort"/>) binds any
    /// free port (tests), which is logged.
    /// </summary>
    public int Port { get; init; } = 55556;

    /// <summary>
    /// The server certificate: a PEM file (certificate first, then any intermediates, as
    /// Let's Encrypt's <c>fullchain.pem</c>) or a PKCS#12 file (<c>.pfx</c>, <c>.p12</c>). Null
    /// (the default) uses a self-signed development certificate kept in the data directory,
    /// created on first start.
    /// </summary>
    public string? CertificatePath { get; init; }

    /// <summary>
    /// The PEM private key of <see cref="CertificatePath"/> (<c>privkey.pem</c>). Null when the key
    /// is in the certificate file itself (PEM or PKCS#12).
    /// </summary>
    public string? KeyPath { get; init; }

    /// <summary>
    /// Password of the PKCS#12 file or of an encrypted PEM key; null when none. Prefer the
    /// environment (<c>Parley__Tls__CertificatePassword</c>) to a file.
    /// </summary>
    public string? CertificatePassword { get; init; }

    /// <summary>
    /// Extra DNS names or IP addresses for the development certificate, besides
    /// <c>localhost</c>, <c>127.0.0.1</c>, <c>::1</c>, the machine name and <c>Parley:Host</c>.
    /// Only read when the development certificate is created. Empty by default.
    /// </summary>
    public IReadOnlyList<string> HostNames { get; init; } = [];

    /// <summary>
    /// When true (the default), a password is accepted only over TLS or from a trusted network
    /// (loopback and <see cref="TrustedNetworks"/>), with <c>ERR TLS_REQUIRED</c> otherwise.
    /// </summary>
    public bool RequireForLogin { get; init; } = true;

    /// <summary>
    /// Networks whose plain connections count as trusted for <see cref="RequireForLogin"/>, in CIDR
    /// form (<c>10.0.0.0/8</c>, <c>fd00::/8</c>) or single addresses. Empty by default.
    /// </summary>
    public IReadOnlyList<string> TrustedNetworks { get; init; } = [];

    /// <summary>
    /// Whether loopback clients (127.0.0.0/8, ::1) count as trusted. Defaults to true: a password
    /// typed on the server's own machine never crosses a network. Tests turn it off to play a remote client.
    /// </summary>
    public bool TrustLoopback { get; init; } = true;

    /// <summary>
    /// How long a client may take to complete the TLS handshake before it is dropped. Defaults to
    /// 10 s, as Kestrel's default.
    /// </summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the certificate files are re-read to pick up a replaced certificate, checked
    /// lazily when a client connects. Defaults to 2 s; 0 checks on every handshake (tests). The
    /// files are compared by content, so an in-place rewrite counts as much as a rename.
    /// </summary>
    public TimeSpan ReloadCheckInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentException">A value is out of range or inconsistent.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, -1, "Tls:Port");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, "Tls:Port");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HandshakeTimeout, TimeSpan.Zero, "Tls:HandshakeTimeout");
        ArgumentOutOfRangeException.ThrowIfLessThan(ReloadCheckInterval, TimeSpan.Zero, "Tls:ReloadCheckInterval");
        if (KeyPath is not null && CertificatePath is null)
            throw new ArgumentException("Parley:Tls:KeyPath is set without Parley:Tls:CertificatePath", "Tls:KeyPath");
        foreach (var network in TrustedNetworks)
        {
            if (!TrustedNetworkList.TryParseNetwork(network, out _))
                throw new ArgumentException($"Parley:Tls:TrustedNetworks: '{network}' is not a CIDR network (10.0.0.0/8) or an address", "Tls:TrustedNetworks");
        }
    }
}

namespace Parley.Server.Web;

/// <summary>
/// The HTTPS listener (<c>Parley:Https</c>): the same pipeline as the HTTP listener (the web
/// client, <c>/ws</c>, health, metrics) over TLS with the server's one certificate
/// (<c>Parley:Tls:CertificatePath</c>, or the development certificate). It binds
/// <c>Parley:Http:Host</c>: one host for the web, whichever scheme.
/// </summary>
public sealed record HttpsOptions
{
    /// <summary>
    /// TCP port of the HTTPS listener. Defaults to 8443. 0 turns it off; -1 binds any free port
    /// (tests), which is logged. Command line: <c>--https-port</c>.
    /// </summary>
    public int Port { get; init; } = 8443;

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentException">The port is out of range.</exception>
    public void Validate()
    {
        if (Port is < -1 or > 65535)
            throw new ArgumentException($"Parley:Https:Port is {Port}: allowed are 1-65535, 0 (off) or -1 (any free port)", "Https:Port");
    }
}

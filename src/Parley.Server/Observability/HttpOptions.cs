namespace Parley.Server.Observability;

/// <summary>
/// The HTTP listener for health, readiness and metrics (and later the web client), bound from
/// <c>Parley:Http</c>. A normal ASP.NET Core endpoint pipeline on the server's host.
/// </summary>
public sealed record HttpOptions
{
    /// <summary>
    /// TCP port of the HTTP listener. Defaults to 8080. 0 turns it off; -1 binds any free port
    /// (tests), which is logged. Command line: <c>--http-port</c>.
    /// </summary>
    public int Port { get; init; } = 8080;

    /// <summary>
    /// Address the HTTP listener binds, separately from <c>Parley:Host</c>: an IP address or
    /// <c>localhost</c>. Defaults to 127.0.0.1, so health and metrics stay on the machine even when
    /// the chat listeners serve the world. <c>/metrics</c> answers only loopback and
    /// <c>Parley:Tls:TrustedNetworks</c> wherever it is bound.
    /// </summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentException">A value is out of range or empty.</exception>
    public void Validate()
    {
        if (Port is < -1 or > 65535)
            throw new ArgumentException($"Parley:Http:Port is {Port}: allowed are 1-65535, 0 (off) or -1 (any free port)", "Http:Port");
        if (string.IsNullOrWhiteSpace(Host))
            throw new ArgumentException("Parley:Http:Host is empty: give an IP address or localhost", "Http:Host");
    }
}

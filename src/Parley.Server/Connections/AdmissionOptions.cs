using Parley.Server.Tls;

namespace Parley.Server.Connections;

/// <summary>
/// Which connections every listener accepts (section <c>Parley:Limits</c>, beside the
/// per-connection limits): a server-wide cap derived from the descriptor limit, per-address caps
/// on concurrent and new connections with their exemptions, and the load balancers whose PROXY
/// protocol header is believed (docs/security.md).
/// </summary>
public sealed record AdmissionOptions
{
    /// <summary>Configuration section name, shared with the per-connection limits.</summary>
    public const string SectionName = "Parley:Limits";

    /// <summary>
    /// Connections open at once across all listeners. Defaults to 0, meaning derived at start-up from
    /// the process's file-descriptor limit (<c>RLIMIT_NOFILE</c>): the limit minus the descriptors
    /// already open and a reserve for the database, logs, TLS and the runtime
    /// (<see cref="DescriptorBudget"/>). A connection over the cap is refused with a reason, the
    /// others keep being served. Exempt addresses count too: descriptors are finite for everyone.
    /// A configured value above the derived one is lowered to it, with a warning: once descriptors
    /// run out the runtime itself aborts.
    /// </summary>
    public int MaxConnections { get; init; }

    /// <summary>
    /// Connections open at once from one address (an IPv4 address, or an IPv6 /64). Defaults to 16,
    /// Ergo's <c>max-concurrent-connections</c>. 0 turns the cap off.
    /// </summary>
    public int MaxConnectionsPerAddress { get; init; } = 16;

    /// <summary>
    /// New connections from one address (IPv4, or IPv6 /64) within <see cref="NewConnectionWindow"/>.
    /// Defaults to 32, Ergo's <c>connection-throttling</c> <c>max-connections</c>. 0 turns it off.
    /// Refused attempts do not count, so a client that waits gets back in.
    /// </summary>
    public int MaxNewConnectionsPerAddress { get; init; } = 32;

    /// <summary>The window of <see cref="MaxNewConnectionsPerAddress"/>, sliding. Defaults to 10 minutes, as Ergo's.</summary>
    public TimeSpan NewConnectionWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether loopback peers (127.0.0.0/8, ::1) skip the per-address caps. Defaults to true, as
    /// Ergo exempts localhost: a bouncer or bridge on the same machine opens many connections.
    /// Tests of the caps turn it off.
    /// </summary>
    public bool ExemptLoopback { get; init; } = true;

    /// <summary>
    /// Networks that skip the per-address caps, in CIDR form (<c>10.0.0.0/8</c>, <c>fd00::/8</c>)
    /// or single addresses: a school's or office's NAT. Empty by default. The server-wide cap still applies.
    /// </summary>
    public IReadOnlyList<string> ExemptNetworks { get; init; } = [];

    /// <summary>
    /// Load balancers (HAProxy, nginx <c>proxy_protocol on</c>) whose connections start with a
    /// PROXY protocol header, v1 or v2, in CIDR form or single addresses. Empty by default (no
    /// PROXY protocol). A connection from one of these must send a valid header within
    /// <see cref="ProxyHeaderTimeout"/> or is closed; the client address in it is the one the
    /// limits, bans, login throttling and logs see. Connections from anywhere else are never
    /// parsed for a header: a client cannot claim an address.
    /// </summary>
    public IReadOnlyList<string> ProxyNetworks { get; init; } = [];

    /// <summary>How long a load balancer may take to send its PROXY header. Defaults to 5 s; it sends it at once.</summary>
    public TimeSpan ProxyHeaderTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often the refusal summary may be logged: the first refusal is logged at once, later ones
    /// are counted and logged together at most once per interval, so a flood cannot flood the log.
    /// Defaults to 10 s.
    /// </summary>
    public TimeSpan RefusalLogInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// These options with other per-address caps: those of the raw HTTP connections
    /// (<c>Parley:Web:MaxConnectionsPerAddress</c>, <c>MaxNewConnectionsPerAddress</c>), counted
    /// apart from the chat connections; the window, exemptions and the rest stay.
    /// </summary>
    internal AdmissionOptions WithPerAddressCaps(int maxConnectionsPerAddress, int maxNewConnectionsPerAddress) =>
        this with { MaxConnectionsPerAddress = maxConnectionsPerAddress, MaxNewConnectionsPerAddress = maxNewConnectionsPerAddress };

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentException">A value is out of range or a network does not parse.</exception>
    public void Validate()
    {
        if (MaxConnections < 0)
            throw new ArgumentException($"Parley:Limits:MaxConnections must be 0 (derived from the descriptor limit) or positive, not {MaxConnections}", nameof(MaxConnections));
        if (MaxConnectionsPerAddress < 0)
            throw new ArgumentException($"Parley:Limits:MaxConnectionsPerAddress must be 0 (off) or positive, not {MaxConnectionsPerAddress}", nameof(MaxConnectionsPerAddress));
        if (MaxNewConnectionsPerAddress < 0)
            throw new ArgumentException($"Parley:Limits:MaxNewConnectionsPerAddress must be 0 (off) or positive, not {MaxNewConnectionsPerAddress}", nameof(MaxNewConnectionsPerAddress));
        if (NewConnectionWindow <= TimeSpan.Zero)
            throw new ArgumentException($"Parley:Limits:NewConnectionWindow must be positive, not {NewConnectionWindow}", nameof(NewConnectionWindow));
        if (ProxyHeaderTimeout <= TimeSpan.Zero)
            throw new ArgumentException($"Parley:Limits:ProxyHeaderTimeout must be positive, not {ProxyHeaderTimeout}", nameof(ProxyHeaderTimeout));
        if (RefusalLogInterval < TimeSpan.Zero)
            throw new ArgumentException($"Parley:Limits:RefusalLogInterval must not be negative, not {RefusalLogInterval}", nameof(RefusalLogInterval));
        CheckNetworks(ExemptNetworks, "ExemptNetworks");
        CheckNetworks(ProxyNetworks, "ProxyNetworks");
    }

    private static void CheckNetworks(IReadOnlyList<string> networks, string key)
    {
        foreach (var network in networks)
        {
            if (!TrustedNetworkList.TryParseNetwork(network, out _))
                throw new ArgumentException($"Parley:Limits:{key}: '{network}' is not a CIDR network (10.0.0.0/8) or an address", key);
        }
    }
}

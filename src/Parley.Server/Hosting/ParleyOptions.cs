using Parley.Core.Accounts;
using Parley.Core.Rooms;
using Parley.FrontEnds.Connections;
using Parley.FrontEnds.Irc;
using Parley.Server.Listeners;
using Parley.Server.Observability;
using Parley.Server.Tls;

namespace Parley.Server.Hosting;

/// <summary>The server's settings, bound from the configuration section <c>Parley</c>.</summary>
public sealed record ParleyOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Parley";

    /// <summary>A port value that turns its listener off: 0, as the command line's <c>--port 0</c>.</summary>
    public const int Disabled = 0;

    /// <summary>
    /// A port value that binds any free port, chosen by the system and logged: -1. Tests use it, so
    /// that 0 can keep the meaning operators expect (off).
    /// </summary>
    public const int AnyFreePort = -1;

    /// <summary>
    /// Address the listeners bind: an IP address, <c>localhost</c>, or a host name.
    /// Defaults to 127.0.0.1 (loopback only); use 0.0.0.0 or :: to serve other machines.
    /// </summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>
    /// TCP port of the plain (unencrypted) line protocol. Defaults to 55555, the seeds' port.
    /// 0 (<see cref="Disabled"/>) turns the plain listener off, leaving only TLS;
    /// -1 (<see cref="AnyFreePort"/>) binds any free port (tests). The bound port is logged.
    /// </summary>
    public int Port { get; init; } = 55555;

    /// <summary>
    /// Where the server keeps its files: the SQLite provider's database <c>parley.db</c> (accounts, messages) and the
    /// development certificate in <c>tls/</c>. Defaults to <c>data</c>, relative to the working
    /// directory. Created when first needed. Command line: <c>--data</c>.
    /// </summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>TLS: the encrypted listener, certificates and the login transport policy.</summary>
    public TlsOptions Tls { get; init; } = new();

    /// <summary>IRC: the plain and TLS IRC listeners and the IRC front-end's settings (docs/irc.md).</summary>
    public IrcOptions Irc { get; init; } = new();

    /// <summary>The HTTP listener: health, readiness, metrics (<c>Parley:Http</c>).</summary>
    public HttpOptions Http { get; init; } = new();

    /// <summary>The HTTPS listener: the HTTP listener's pipeline over TLS, on <c>Parley:Http:Host</c> (<c>Parley:Https</c>).</summary>
    public Web.HttpsOptions Https { get; init; } = new();

    /// <summary>Metrics export besides <c>/metrics</c>: OTLP (<c>Parley:Metrics</c>).</summary>
    public MetricsOptions Metrics { get; init; } = new();

    /// <summary>
    /// How long a stopping server waits for connections to close after telling them, before it
    /// drops them. Defaults to 5 s.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-connection limits, flood control included (<c>Parley:Limits</c>).</summary>
    public ConnectionLimits Limits { get; init; } = new();

    /// <summary>Room behaviour: history shown on join, page sizes, list bounds (<c>Parley:Rooms</c>).</summary>
    public RoomOptions Rooms { get; init; } = new();

    /// <summary>
    /// Server operators, who may <c>/kill</c> and set server-wide bans (<c>Parley:Operators</c>,
    /// e.g. <c>Parley__Operators__0=alice</c>). Defaults to none. These are account names: only a
    /// session logged in to one of them is an operator, never a guest (see <see cref="Core.Moderation.OperatorPolicy"/>).
    /// </summary>
    public IReadOnlyList<string> Operators { get; init; } = [];

    /// <summary>Accounts, guests and login limits (section <c>Parley:Accounts</c>).</summary>
    public AccountOptions Accounts { get; init; } = new();

    /// <summary>
    /// Which storage provider keeps accounts, messages and rooms (section <c>Parley:Storage</c>;
    /// the provider reads its own settings from the same section, see <see cref="StorageProviders"/>).
    /// <c>Parley:Storage:DataDirectory</c> is not read: files live in <see cref="DataDirectory"/>.
    /// </summary>
    public StorageOptions Storage { get; init; } = new();

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentException">A value is out of range or empty.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Host, nameof(Host));
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, AnyFreePort, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentException.ThrowIfNullOrWhiteSpace(DataDirectory, nameof(DataDirectory));
        Tls.Validate();
        Irc.Validate();
        Http.Validate();
        Https.Validate();
        Metrics.Validate();
        // The listeners of the table; those serving chat (not HTTP) must not all be off.
        var ports = ListenerTable.All.Select(l => (Key: l.PortKey, Port: l.Port(this), Chat: !l.Http)).ToList();
        var chat = ports.Where(p => p.Chat).ToList();
        if (chat.All(p => p.Port == Disabled))
            throw new ArgumentException($"{string.Join(", ", chat.SkipLast(1).Select(p => p.Key))} and {chat[^1].Key} are all 0: no listener would be left", nameof(Port));
        foreach (var clash in ports.Where(p => p.Port > 0).GroupBy(p => p.Port).Where(g => g.Count() > 1))
            throw new ArgumentException($"{string.Join(" and ", clash.Select(p => p.Key))} are all {clash.Key}", nameof(Port));
        ArgumentOutOfRangeException.ThrowIfLessThan(ShutdownTimeout, TimeSpan.Zero, nameof(ShutdownTimeout));
        Limits.Validate();
        Rooms.Validate();
        foreach (var name in Operators)
        {
            if (!Core.Presence.NickRules.IsValid(name))
                throw new ArgumentException($"operator '{name}' is not a valid account name (a nick)", nameof(Operators));
        }

        Accounts.Validate();
        Storage.Validate();
    }
}

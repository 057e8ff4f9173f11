using System.Diagnostics.Metrics;
using Parley.Core.Presence;

namespace Parley.Server.Observability;

/// <summary>
/// The host's instruments, on the meter <c>Parley.Server</c>: connections by listener and protocol
/// (counted by a Kestrel connection middleware), and gauges read from the hub when scraped:
/// sessions, nicks and accounts online, rooms.
/// </summary>
/// <remarks>
/// Thread-safe. One per server (its gauges read that server's hub); disposed with the host. The
/// gauges enumerate the nick table (O(n)) only when a reader collects, never on a message's path.
/// </remarks>
internal sealed class ServerMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Parley.Server";

    /// <summary>Every meter the host exports: its own and the other Parley projects' (<c>Parley.Chat</c>, <c>Parley.FrontEnds</c>, <c>Parley.Storage</c>, ...).</summary>
    public const string ExportedMeters = "Parley.*";

    private readonly Meter _meter = new(MeterName);
    private readonly UpDownCounter<long> _open;
    private readonly Counter<long> _accepted;

    public ServerMetrics()
    {
        _open = _meter.CreateUpDownCounter<long>("parley.connections", "{connection}", "Open connections, by listener and protocol.");
        _accepted = _meter.CreateCounter<long>("parley.connections.accepted", "{connection}", "Connections accepted since start, by listener and protocol.");
    }

    /// <summary>
    /// Adds the gauges read from <paramref name="hub"/>; once, after the store opened (Kestrel's
    /// listeners, which count connections, are configured before the hub can be made).
    /// </summary>
    public void Observe(ChatHub hub)
    {
        _meter.CreateObservableGauge("parley.sessions", () => hub.SessionCount, "{session}", "Open sessions, registered or not.");
        _meter.CreateObservableGauge("parley.nicks.online", () => hub.RegisteredCount, "{nick}", "Nicks online (an account on several devices counts once).");
        _meter.CreateObservableGauge("parley.accounts.online", () => hub.AccountsOnlineCount, "{account}", "Accounts signed in.");
        _meter.CreateObservableGauge("parley.rooms", () => hub.Rooms.Count, "{room}", "Rooms open or registered.");
    }

    /// <summary>A connection was accepted on a listener with these tags (<see cref="ListenerTags.For"/>).</summary>
    public void Opened(ListenerTags tags)
    {
        _accepted.Add(1, tags.Listener, tags.Protocol);
        _open.Add(1, tags.Listener, tags.Protocol);
    }

    /// <summary>A connection on a listener with these tags ended.</summary>
    public void Closed(ListenerTags tags) => _open.Add(-1, tags.Listener, tags.Protocol);

    public void Dispose() => _meter.Dispose();
}

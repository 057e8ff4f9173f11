using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
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
    // Open connections are kept here and observed, not added to an UpDownCounter: a reader that
    // starts late (or several servers in one test process) then still reads a whole count.
    private readonly ConcurrentDictionary<ListenerTags, StrongBox<long>> _open = new();
    private readonly Counter<long> _accepted;
    private volatile ChatHub? _hub;

    public ServerMetrics()
    {
        _meter.CreateObservableUpDownCounter("parley.connections", ObserveOpen, "{connection}", "Open connections, by listener and protocol.");
        _accepted = _meter.CreateCounter<long>("parley.connections.accepted", "{connection}", "Connections accepted since start, by listener and protocol.");
    }

    /// <summary>
    /// Adds the gauges read from <paramref name="hub"/>; once, after the store opened (Kestrel's
    /// listeners, which count connections, are configured before the hub can be made).
    /// </summary>
    public void Observe(ChatHub hub)
    {
        _hub = hub;
        _meter.CreateObservableGauge("parley.sessions", () => _hub?.SessionCount ?? 0, "{session}", "Open sessions, registered or not.");
        _meter.CreateObservableGauge("parley.nicks.online", () => _hub?.RegisteredCount ?? 0, "{nick}", "Nicks online (an account on several devices counts once).");
        _meter.CreateObservableGauge("parley.accounts.online", () => _hub?.AccountsOnlineCount ?? 0, "{account}", "Accounts signed in.");
        _meter.CreateObservableGauge("parley.rooms", () => _hub?.Rooms.Count ?? 0, "{room}", "Rooms open or registered.");
    }

    /// <summary>A connection was accepted on a listener with these tags (<see cref="ListenerTags.For"/>).</summary>
    public void Opened(ListenerTags tags)
    {
        _accepted.Add(1, tags.Listener, tags.Protocol);
        Interlocked.Increment(ref _open.GetOrAdd(tags, static _ => new StrongBox<long>()).Value);
    }

    /// <summary>A connection on a listener with these tags ended.</summary>
    public void Closed(ListenerTags tags) => Interlocked.Decrement(ref _open.GetOrAdd(tags, static _ => new StrongBox<long>()).Value);

    private IEnumerable<Measurement<long>> ObserveOpen()
    {
        foreach (var (tags, open) in _open)
            yield return new Measurement<long>(Volatile.Read(ref open.Value), tags.Listener, tags.Protocol);
    }

    /// <summary>
    /// Stops reporting this server; the meter itself is left to the process. Disposing a meter
    /// ends the exporter's stream for every meter of that name, so a second server in the same
    /// process (the in-process test servers) would lose its connection and session series.
    /// </summary>
    public void Dispose()
    {
        _hub = null;
        _open.Clear();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Parley.LoadGen.Cli;
using Parley.LoadGen.Connections;
using Parley.LoadGen.Measuring;
using Parley.LoadGen.Protocols;

namespace Parley.LoadGen.Running;

/// <summary>
/// Runs one workload end to end: connect and register, join, load (or hold, or churn), drain,
/// report, disconnect. Partials: connecting, traffic (dm, room), idle, churn and storm.
/// </summary>
/// <remarks>
/// Reader loops call <see cref="OnLine"/> concurrently, each for its own connection; they write only
/// their connection's counters and the senders' windows (thread-safe). Everything else runs on the
/// phase methods, one after another.
/// </remarks>
internal sealed partial class LoadRunner : ILineHandler
{
    private static readonly double TicksPerSecond = Stopwatch.Frequency;
    private readonly LoadOptions _options;
    private readonly ProtocolAdapter _adapter;
    private readonly RunReport _report = new();
    private readonly ProgressLine _progress;
    private readonly Lock _failureGate = new();
    private ClientConnection?[] _connections = [];
    private Sender?[] _senderById = [];
    private int[] _ackerOf = [];
    private int[] _targets = [];
    private bool _roomMode;
    private int _roomRecipients;
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;
    private NeighbourProbe? _probe;
    private int _connectFailures;
    private string? _firstConnectFailure;
    private long _closedWhileLoading;
    private volatile bool _loading;

    /// <summary>A runner for validated <paramref name="options"/>.</summary>
    public LoadRunner(LoadOptions options)
    {
        _options = options;
        _adapter = ProtocolAdapter.For(options.Protocol);
        _progress = new ProgressLine(!options.Quiet);
    }

    private int? ServerPid => _options.ServerPid;

    /// <summary>Runs the workload; returns 0 when every client connected, 1 when some did not, 2-3 when the run could not start.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var o = _options;
        if (ServerPid is { } pid && !ProcessStats.IsAlive(pid))
        {
            RunReport.Say($"parley-loadgen: --server-pid {pid}: no such process");
            return 2;
        }

        TargetServer target;
        try
        {
            target = await ResolveAsync(cancellationToken);
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            RunReport.Say($"parley-loadgen: {(o.Targets.Count == 0 ? "--host " + o.Host : "--target")}: {e.Message}");
            return 2;
        }

        var protocol = o.Protocol.ToString().ToLowerInvariant() + (o.Tls ? "+tls" : "");
        var workload = o.Workload.ToString().ToLowerInvariant();
        RunReport.Say($"parley-loadgen: {protocol} {workload} against {string.Join(", ", target.EndPoints)}, {o.Clients} clients" +
                      (ServerPid is { } p ? $", server pid {p}" : ""));
        _report.Set("label", o.Label);
        _report.Set("protocol", protocol);
        _report.Set("workload", workload);
        _report.Set("port", target.EndPoint.Port);
        _report.Set("targets", target.EndPoints.Count);
        _report.Set("clients", o.Clients);
        _report.Set("payload", o.Payload);

        var selfCpuStart = ProcessStats.TotalCpuSeconds(Environment.ProcessId);
        int rc;
        try
        {
            rc = o.Workload switch
            {
                Workload.Idle => await RunIdleAsync(target, cancellationToken),
                Workload.Churn => await RunChurnAsync(target, cancellationToken),
                Workload.Storm => await RunStormAsync(target, cancellationToken),
                _ => await RunTrafficAsync(target, cancellationToken),
            };
        }
        finally
        {
            ReportErrors();
            await CloseAllAsync();
        }

        if (ProcessStats.TotalCpuSeconds(Environment.ProcessId) is { } selfCpuEnd && selfCpuStart is { } start)
            _report.Set("generator_cpu_total_s", selfCpuEnd - start, 2);
        Console.Out.WriteLine(_report.ToJson());
        return rc;
    }

    /// <inheritdoc />
    public void OnLine(ClientConnection connection, ReadOnlySpan<byte> line, long receivedTicks)
    {
        var token = line.IndexOf(PayloadToken.Marker);
        if (token >= 0)
        {
            OnDelivery(connection, line[(token + PayloadToken.Marker.Length)..], receivedTicks);
            return;
        }

        if (_probe is { } probe)
        {
            var probeToken = line.IndexOf(PayloadToken.ProbeMarker);
            if (probeToken >= 0)
            {
                probe.OnProbeLine(connection, line[(probeToken + PayloadToken.ProbeMarker.Length)..], receivedTicks);
                return;
            }
        }

        _adapter.OnControlLine(connection, line);
    }

    /// <inheritdoc />
    public void OnClosed(ClientConnection connection)
    {
        if (_loading)
            Interlocked.Increment(ref _closedWhileLoading);
    }

    private void OnDelivery(ClientConnection connection, ReadOnlySpan<byte> token, long receivedTicks)
    {
        if (!PayloadToken.TryParse(token, out var sender, out var sequence, out var sentTicks))
        {
            connection.BadTokens++;
            return;
        }

        if (sender == connection.Id)
        {
            connection.Echoes++;
            return;
        }

        connection.Deliveries++;
        var lastSequence = connection.LastSequence ??= [];
        if (lastSequence.TryGetValue(sender, out var last) && sequence <= last)
        {
            // Each sender's messages reach each recipient in order on every server measured, so
            // a sequence number not above the last one seen is a second copy.
            connection.Duplicates++;
            return;
        }

        lastSequence[sender] = sequence;
        long windowStart = Volatile.Read(ref _windowStart), windowEnd = Volatile.Read(ref _windowEnd);
        if (receivedTicks >= windowStart && receivedTicks < windowEnd)
            connection.WindowDeliveries++;
        if (sentTicks >= windowStart && sentTicks < windowEnd)
        {
            connection.MeasuredDeliveries++;
            (connection.Latency ??= new LatencyHistogram()).Record(ToNanoseconds(receivedTicks - sentTicks));
        }

        var senders = _senderById;
        if ((uint)sender < (uint)senders.Length && senders[sender] is { } s && (!_roomMode || _ackerOf[sender] == connection.Id))
            s.Window.Return();
    }

    private async Task<TargetServer> ResolveAsync(CancellationToken cancellationToken)
    {
        var o = _options;
        if (o.Targets.Count == 0)
            return new TargetServer(new IPEndPoint(await AddressOfAsync(o.Host, cancellationToken), o.Port), o.Host, o.Tls, o.TlsInsecure);
        var endPoints = new List<IPEndPoint>(o.Targets.Count);
        string firstHost = "";
        foreach (var text in o.Targets)
        {
            LoadOptions.TrySplitTarget(text, out var host, out var port);
            endPoints.Add(new IPEndPoint(await AddressOfAsync(host, cancellationToken), port));
            if (firstHost.Length == 0)
                firstHost = host;
        }

        return new TargetServer(endPoints[0], firstHost, o.Tls, o.TlsInsecure) { EndPoints = endPoints };
    }

    private async Task<IPAddress> AddressOfAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress address;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(host, out address!))
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
                ?? throw new ArgumentException("the name has no address");
        }

        if (!_options.AllowRemote && !IPAddress.IsLoopback(address))
            throw new ArgumentException($"{address} is not a loopback address; pass --allow-remote to load a server you run elsewhere");
        return address;
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * TicksPerSecond);

    private static double Seconds(long ticks) => ticks / TicksPerSecond;

    private static long ToNanoseconds(long ticks) => (long)(ticks * (1e9 / TicksPerSecond));

    private static string N(double value, int digits = 2) => RunReport.Format(value, digits);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static async Task DelayUntilAsync(long ticks, CancellationToken cancellationToken)
    {
        // Bounded by the target time: each pass sleeps the time left.
        while (true)
        {
            var left = ticks - Stopwatch.GetTimestamp();
            if (left <= 0)
                return;
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0.001, Seconds(left))), cancellationToken);
        }
    }

    private long SumOverConnections(Func<ClientConnection, long> value)
    {
        long sum = 0;
        foreach (var c in _connections)
        {
            if (c is not null)
                sum += value(c);
        }

        return sum;
    }

    private int CountOpen(int first, int count)
    {
        var open = 0;
        for (var id = first; id < first + count && id < _connections.Length; id++)
        {
            if (_connections[id] is { IsClosed: false, IsRegistered: true })
                open++;
        }

        return open;
    }

    private void ReportErrors()
    {
        long errors = SumOverConnections(c => c.Errors), bad = SumOverConnections(c => c.BadTokens);
        _report.Set("server_errors", errors);
        _report.Set("connect_failures", _connectFailures);
        if (errors == 0 && _connectFailures == 0 && bad == 0)
            return;
        var first = _connections.Where(c => c?.FirstError is not null).Select(c => c!.FirstError!).Take(3).ToList();
        if (_firstConnectFailure is not null)
            first.Insert(0, _firstConnectFailure);
        RunReport.Say($"errors: {errors} error lines, {_connectFailures} connect failures, {bad} bad tokens; first: {string.Join(" | ", first)}");
        _report.Set("first_error", first.FirstOrDefault());
    }

    private async Task CloseAllAsync()
    {
        var quit = _adapter.Quit();
        var closing = _connections.Where(c => c is not null).Select(c => c!.CloseAsync(quit, TimeSpan.FromSeconds(2))).ToArray();
        await Task.WhenAny(Task.WhenAll(closing), Task.Delay(TimeSpan.FromSeconds(10)));
    }

    /// <summary>CPU seconds now of each <c>--cpu</c> group (its process trees), in the order given.</summary>
    private (string Name, double Seconds)[] CpuGroupsNow() =>
    [
        .. _options.CpuGroups.Select(group =>
        {
            LoadOptions.TrySplitCpuGroup(group, out var name, out var pids);
            return (name, ProcessStats.TreeCpuSeconds(pids));
        }),
    ];

    /// <summary>Server CPU seconds now, or null when not sampled.</summary>
    private double? ServerCpu() => ServerPid is { } pid ? ProcessStats.TotalCpuSeconds(pid) : null;

    /// <summary>Server RSS now, or null when not sampled.</summary>
    private long? ServerRss() => ServerPid is { } pid ? ProcessStats.ResidentKibibytes(pid) : null;
}

using System.Diagnostics;
using System.Net.Sockets;
using Parley.LoadGen.Connections;
using Parley.LoadGen.Measuring;

namespace Parley.LoadGen.Running;

/// <summary>Connecting, registering and joining clients, paced and bounded.</summary>
internal sealed partial class LoadRunner
{
    /// <summary>What one connect phase achieved.</summary>
    private readonly record struct ConnectResult(int Registered, int Joined, double Seconds, double[] RegistrationMilliseconds);

    /// <summary>
    /// Connects and registers clients <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1
    /// at <paramref name="rate"/> per second (0: unpaced), at most the connect window at once, within the
    /// connect timeout; with <paramref name="join"/> each joins the room once registered.
    /// </summary>
    private async Task<ConnectResult> ConnectRangeAsync(
        TargetServer target, int first, int count, double rate, bool join, string phase, CancellationToken cancellationToken)
    {
        var o = _options;
        var latencies = new List<double>(count);
        var logged = o.RegistrationLog is null ? null : new List<(long StartUnixMs, double Ms)>(count);
        var latencyGate = new Lock();
        int registered = 0, joined = 0, failed = 0, started = 0;
        var bufferSize = o.Workload == Cli.Workload.Idle ? 2048 : 16384;
        using var window = new SemaphoreSlim(o.ConnectWindow);
        var start = Stopwatch.GetTimestamp();
        var deadline = start + Ticks(o.ConnectTimeout);
        var tasks = new List<Task>(count);
        using var progressStop = new CancellationTokenSource();
        var progress = _progress.RunAsync(
            () => $"{phase}: {Volatile.Read(ref started)} started, {Volatile.Read(ref registered)} registered" +
                  (join ? $", {Volatile.Read(ref joined)} joined" : "") + $", {Volatile.Read(ref failed)} failed, {N(Seconds(Stopwatch.GetTimestamp() - start), 1)} s",
            progressStop.Token);

        for (var i = 0; i < count; i++)
        {
            if (Stopwatch.GetTimestamp() >= deadline)
            {
                RunReport.Say($"{phase}: connect phase timed out after {o.ConnectTimeout.TotalSeconds} s");
                break;
            }

            if (rate > 0)
                await DelayUntilAsync(start + (long)(i / rate * TicksPerSecond), cancellationToken);
            var left = TimeSpan.FromSeconds(Math.Max(0.001, Seconds(deadline - Stopwatch.GetTimestamp())));
            if (!await window.WaitAsync(left, cancellationToken))
            {
                RunReport.Say($"{phase}: connect phase timed out after {o.ConnectTimeout.TotalSeconds} s");
                break;
            }

            var id = first + i;
            Interlocked.Increment(ref started);
            tasks.Add(Task.Run(
                async () =>
                {
                    try
                    {
                        var began = Stopwatch.GetTimestamp();
                        var beganUnixMs = logged is null ? 0 : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                        if (!await ConnectOneAsync(target, id, bufferSize, cancellationToken))
                        {
                            Interlocked.Increment(ref failed);
                            return;
                        }

                        var ms = Seconds(Stopwatch.GetTimestamp() - began) * 1000;
                        lock (latencyGate)
                        {
                            latencies.Add(ms);
                            logged?.Add((beganUnixMs, ms));
                        }
                        Interlocked.Increment(ref registered);
                        if (join && await JoinOneAsync(_connections[id]!))
                            Interlocked.Increment(ref joined);
                    }
                    finally
                    {
                        window.Release();
                    }
                },
                cancellationToken));
        }

        var all = Task.WhenAll(tasks);
        var wait = TimeSpan.FromSeconds(Math.Max(0.001, Seconds(deadline - Stopwatch.GetTimestamp()))) + (o.RegistrationTimeout * 2);
        await Task.WhenAny(all, Task.Delay(wait, cancellationToken));
        var seconds = Seconds(Stopwatch.GetTimestamp() - start);
        await progressStop.CancelAsync();
        await progress;
        double[] sorted;
        lock (latencyGate)
        {
            sorted = [.. latencies];
            if (logged is not null)
                WriteRegistrationLog(o.RegistrationLog!, phase, logged);
        }

        Array.Sort(sorted);
        var result = new ConnectResult(Volatile.Read(ref registered), Volatile.Read(ref joined), seconds, sorted);
        RunReport.Say($"{phase}: {result.Registered}/{count} registered" + (join ? $", {result.Joined} joined" : "") +
                      $" in {N(seconds, 3)} s; connect+register p50 {N(SortedPercentile.Of(sorted, 50))} ms, p99 {N(SortedPercentile.Of(sorted, 99))} ms, " +
                      $"max {N(SortedPercentile.Of(sorted, 100))} ms");
        return result;
    }

    // One line per registration, appended (a churn run has two connect phases): phase, start, latency.
    private static void WriteRegistrationLog(string path, string phase, List<(long StartUnixMs, double Ms)> logged)
    {
        var fresh = !File.Exists(path);
        using var writer = new StreamWriter(path, append: true);
        if (fresh)
            writer.WriteLine("phase,start_unix_ms,latency_ms");
        foreach (var (startUnixMs, ms) in logged)
            writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{phase},{startUnixMs},{ms:0.###}"));
    }

    /// <summary>Sets the connect figures of <paramref name="result"/> under <paramref name="prefix"/>.</summary>
    private void ReportConnect(string prefix, ConnectResult result)
    {
        _report.Set(prefix + "connected", result.Registered);
        _report.Set(prefix + "connect_s", result.Seconds, 3);
        var sorted = result.RegistrationMilliseconds;
        _report.Set(prefix + "register_p50_ms", SortedPercentile.Of(sorted, 50), 3);
        _report.Set(prefix + "register_p90_ms", SortedPercentile.Of(sorted, 90), 3);
        _report.Set(prefix + "register_p99_ms", SortedPercentile.Of(sorted, 99), 3);
        _report.Set(prefix + "register_max_ms", SortedPercentile.Of(sorted, 100), 3);
    }

    private async Task<bool> ConnectOneAsync(TargetServer target, int id, int bufferSize, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RegistrationTimeout);
        ClientConnection connection;
        try
        {
            connection = await ClientConnection.ConnectAsync(id, target, this, bufferSize, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            lock (_failureGate)
            {
                _connectFailures++;
                _firstConnectFailure ??= $"connect: {e.GetType().Name}: {e.Message}";
            }

            return false;
        }

        _connections[id] = connection;
        var registration = _adapter.Registration(id);
        await connection.SendAsync(registration, registration.Length);
        try
        {
            await connection.Registered.WaitAsync(timeout.Token);
            return !connection.IsClosed;
        }
        catch (OperationCanceledException)
        {
            connection.NoteFailure("registration timed out");
            return false;
        }
        catch (InvalidOperationException e)
        {
            connection.NoteFailure(e.Message);
            return false;
        }
    }

    private async Task<bool> JoinOneAsync(ClientConnection connection)
    {
        var join = _adapter.Join(_options.Room);
        await connection.SendAsync(join, join.Length);
        try
        {
            await connection.Joined.WaitAsync(_options.RegistrationTimeout);
            return !connection.IsClosed;
        }
        catch (TimeoutException)
        {
            connection.NoteFailure("join timed out");
            return false;
        }
    }

    /// <summary>Joins the registered clients among <paramref name="ids"/> to the room, at most the connect window at once; returns those that joined.</summary>
    private async Task<int[]> JoinAllAsync(IEnumerable<int> ids, string phase, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        using var window = new SemaphoreSlim(Math.Min(_options.ConnectWindow, 200));
        var tasks = new List<Task<int>>();
        foreach (var id in ids)
        {
            if (_connections[id] is not { IsRegistered: true, IsClosed: false } connection)
                continue;
            await window.WaitAsync(cancellationToken);
            tasks.Add(Task.Run(
                async () =>
                {
                    try
                    {
                        return await JoinOneAsync(connection) ? connection.Id : -1;
                    }
                    finally
                    {
                        window.Release();
                    }
                },
                cancellationToken));
        }

        var joined = (await Task.WhenAll(tasks)).Where(id => id >= 0).Order().ToArray();
        RunReport.Say($"{phase}: {joined.Length} joined {_options.Room} in {N(Seconds(Stopwatch.GetTimestamp() - start), 3)} s");
        return joined;
    }
}

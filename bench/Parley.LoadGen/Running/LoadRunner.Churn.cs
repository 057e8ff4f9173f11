using System.Diagnostics;
using Parley.LoadGen.Connections;
using Parley.LoadGen.Measuring;

namespace Parley.LoadGen.Running;

/// <summary>
/// Presence costs. churn: a crowd in one room leaves (at a rate, or at once), then as many new
/// users arrive and join; storm: a crowd already connected joins one room at once. In both a
/// neighbour pair outside the room probes its DM round trip throughout.
/// </summary>
internal sealed partial class LoadRunner
{
    /// <summary>One measured phase's time span.</summary>
    private readonly record struct PhaseSpan(string Name, long StartTicks, long EndTicks);

    private async Task<int> RunChurnAsync(TargetServer target, CancellationToken cancellationToken)
    {
        var o = _options;
        var n = o.Clients;
        _connections = new ClientConnection?[(2 * n) + 2];
        if (!await StartProbeAsync(target, 2 * n, cancellationToken))
            return 3;
        var crowd = await ConnectRangeAsync(target, 0, n, o.ConnectRate, join: true, "crowd", cancellationToken);
        ReportConnect("crowd_", crowd);
        _report.Set("crowd_joined", crowd.Joined);
        using var probeStop = new CancellationTokenSource();
        var probing = _probe!.RunAsync(o.ProbeInterval, probeStop.Token);
        var phases = new List<PhaseSpan> { await MeasurePhaseAsync("baseline", o.Warmup, _ => Task.CompletedTask, cancellationToken) };

        phases.Add(await MeasurePhaseAsync("leave", o.Duration, LeaveAsync, cancellationToken));
        ConnectResult arrival = default;
        phases.Add(await MeasurePhaseAsync(
            "arrive",
            o.Duration,
            async token => arrival = await ConnectRangeAsync(target, n, n, o.ConnectRate, join: true, "arrive", token),
            cancellationToken));
        ReportConnect("arrive_", arrival);
        _report.Set("arrive_joined", arrival.Joined);
        await StopProbeAsync(probeStop, probing, phases, cancellationToken);
        return crowd.Registered == n && arrival.Registered == n ? 0 : 1;

        async Task LeaveAsync(CancellationToken token)
        {
            var quit = _adapter.Quit();
            var start = Stopwatch.GetTimestamp();
            var closing = new List<Task>(n);
            for (var id = 0; id < n; id++)
            {
                if (o.LeaveRate > 0)
                    await DelayUntilAsync(start + (long)(id / o.LeaveRate * TicksPerSecond), token);
                if (_connections[id] is { } c)
                    closing.Add(c.CloseAsync(quit, TimeSpan.FromSeconds(5)));
            }

            await Task.WhenAll(closing);
        }
    }

    private async Task<int> RunStormAsync(TargetServer target, CancellationToken cancellationToken)
    {
        var o = _options;
        var n = o.Clients;
        _connections = new ClientConnection?[n + 2];
        if (!await StartProbeAsync(target, n, cancellationToken))
            return 3;
        var crowd = await ConnectRangeAsync(target, 0, n, o.ConnectRate, join: false, "crowd", cancellationToken);
        ReportConnect("crowd_", crowd);
        using var probeStop = new CancellationTokenSource();
        var probing = _probe!.RunAsync(o.ProbeInterval, probeStop.Token);
        var phases = new List<PhaseSpan> { await MeasurePhaseAsync("baseline", o.Warmup, _ => Task.CompletedTask, cancellationToken) };
        phases.Add(await MeasurePhaseAsync("storm", o.Duration, StormAsync, cancellationToken));
        await StopProbeAsync(probeStop, probing, phases, cancellationToken);
        return crowd.Registered == n ? 0 : 1;

        async Task StormAsync(CancellationToken token)
        {
            // Everyone's JOIN goes out at once; then wait (bounded) for every acknowledgement.
            var join = _adapter.Join(o.Room);
            var members = Enumerable.Range(0, n).Select(id => _connections[id]).OfType<ClientConnection>().Where(c => c.IsRegistered && !c.IsClosed).ToArray();
            var start = Stopwatch.GetTimestamp();
            await Task.WhenAll(members.Select(c => c.SendAsync(join, join.Length).AsTask()));
            var joins = members.Select(c => c.Joined.WaitAsync(o.RegistrationTimeout, token));
            try
            {
                await Task.WhenAll(joins);
            }
            catch (TimeoutException)
            {
            }

            var joined = members.Count(c => c.Joined.IsCompletedSuccessfully);
            var seconds = Seconds(Stopwatch.GetTimestamp() - start);
            RunReport.Say($"storm: {joined}/{members.Length} joined {o.Room} in {N(seconds, 3)} s");
            _report.Set("storm_joined", joined);
            _report.Set("storm_join_s", seconds, 3);
        }
    }

    /// <summary>Connects the neighbour pair (ids <paramref name="firstId"/> and the next), outside the room.</summary>
    private async Task<bool> StartProbeAsync(TargetServer target, int firstId, CancellationToken cancellationToken)
    {
        var o = _options;
        var pair = await ConnectRangeAsync(target, firstId, 2, 0, join: false, "neighbour", cancellationToken);
        if (pair.Registered < 2)
        {
            RunReport.Say("the neighbour pair did not register; stopping");
            return false;
        }

        // Room for every probe the run can send: all its phases at the probe interval.
        var seconds = o.Warmup + (o.Duration * 2) + o.ConnectTimeout + o.Drain;
        var capacity = (int)Math.Min(1_000_000, (seconds.TotalMilliseconds / o.ProbeInterval.TotalMilliseconds) + 10);
        _probe = new NeighbourProbe(_adapter, _connections[firstId]!, _connections[firstId + 1]!, capacity);
        return true;
    }

    /// <summary>
    /// Runs <paramref name="action"/> and measures at least <paramref name="length"/> (longer while the
    /// action is still going, up to the connect timeout): lines and bytes the server sent to every
    /// client, server CPU, and when the action finished.
    /// </summary>
    private async Task<PhaseSpan> MeasurePhaseAsync(string name, TimeSpan length, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var cpuStart = ServerCpu();
        var selfStart = ProcessStats.CpuSeconds(Environment.ProcessId);
        var machineStart = ProcessStats.MachineJiffies();
        long linesStart = SumOverConnections(c => c.LinesReceived), bytesStart = SumOverConnections(c => c.BytesReceived);
        long actionDone = 0;
        var work = Task.Run(
            async () =>
            {
                await action(cancellationToken);
                Volatile.Write(ref actionDone, Stopwatch.GetTimestamp());
            },
            cancellationToken);

        using var progressStop = new CancellationTokenSource();
        var lastLines = linesStart;
        var lastCpu = cpuStart;
        var progress = _progress.RunAsync(
            () =>
            {
                var lines = SumOverConnections(c => c.LinesReceived);
                var cpu = ServerCpu();
                var cpuText = cpu is { } now && lastCpu is { } before ? $", server {N((now - before) * 100, 0)}% CPU" : "";
                var text = $"{name}: t={N(Seconds(Stopwatch.GetTimestamp() - start), 0)} s, lines/s {Count(lines - lastLines)}{cpuText}, " +
                           $"neighbour round trip {N(_probe?.LastRoundTripMilliseconds ?? double.NaN, 1)} ms";
                (lastLines, lastCpu) = (lines, cpu);
                return text;
            },
            progressStop.Token);

        await DelayUntilAsync(start + Ticks(length), cancellationToken);
        await Task.WhenAny(work, Task.Delay(_options.ConnectTimeout, cancellationToken));
        var end = Stopwatch.GetTimestamp();
        await progressStop.CancelAsync();
        await progress;
        var cpuEnd = ServerCpu();
        var selfEnd = ProcessStats.CpuSeconds(Environment.ProcessId);
        var machineEnd = ProcessStats.MachineJiffies();
        long lines = SumOverConnections(c => c.LinesReceived) - linesStart, bytes = SumOverConnections(c => c.BytesReceived) - bytesStart;
        var done = Volatile.Read(ref actionDone);
        var seconds = Seconds(end - start);
        _report.Set(name + "_s", seconds, 3);
        _report.Set(name + "_lines", lines);
        _report.Set(name + "_bytes", bytes);
        if (done > 0 && name != "baseline")
            _report.Set(name + "_action_s", Seconds(done - start), 3);
        var cpuText = "";
        if (cpuStart is { } c0 && cpuEnd is { } c1)
        {
            _report.Set(name + "_server_cpu_s", c1 - c0, 3);
            cpuText = $", server {N(c1 - c0)} s CPU";
        }

        if (selfStart is { } s0 && selfEnd is { } s1)
            _report.Set(name + "_generator_cpu_s", s1.User + s1.System - s0.User - s0.System, 3);
        if (machineEnd.Total > machineStart.Total)
            _report.Set(name + "_machine_busy_pct", (double)(machineEnd.Busy - machineStart.Busy) / (machineEnd.Total - machineStart.Total) * Environment.ProcessorCount * 100, 1);
        RunReport.Say($"{name}: {N(seconds, 1)} s, {Count(lines)} lines ({Count(bytes)} bytes) to the clients{cpuText}" +
                      (done > 0 && name != "baseline" ? $", done after {N(Seconds(done - start), 3)} s" : ""));
        return new PhaseSpan(name, start, end);
    }

    /// <summary>Stops the probe, waits (bounded by the drain) for answers still on their way, and reports every phase's round trips.</summary>
    private async Task StopProbeAsync(CancellationTokenSource stop, Task probing, List<PhaseSpan> phases, CancellationToken cancellationToken)
    {
        var probe = _probe!;
        await stop.CancelAsync();
        await probing;
        var drainEnd = Stopwatch.GetTimestamp() + Ticks(_options.Drain);
        while (Stopwatch.GetTimestamp() < drainEnd && !probe.AllAnswered())
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        var samples = probe.Samples();
        var threshold = _options.ProbeThreshold.TotalMilliseconds;
        _report.Set("probe_threshold_ms", threshold);
        foreach (var phase in phases)
        {
            var s = ProbeSummary.Of(samples, phase.StartTicks, phase.EndTicks, threshold, TicksPerSecond);
            var p = phase.Name + "_probe_";
            _report.Set(p + "sent", s.Sent);
            _report.Set(p + "lost", s.Lost);
            _report.Set(p + "p50_ms", s.P50Milliseconds, 3);
            _report.Set(p + "p99_ms", s.P99Milliseconds, 3);
            _report.Set(p + "max_ms", s.MaxMilliseconds, 3);
            _report.Set(p + "recovered", s.Recovered);
            _report.Set(p + "recovery_ms", s.RecoveryMilliseconds, 1);
            RunReport.Say($"{phase.Name}: neighbour DM round trip p50 {N(s.P50Milliseconds)} ms, p99 {N(s.P99Milliseconds)} ms, max {N(s.MaxMilliseconds)} ms, " +
                          $"{s.Lost}/{s.Sent} lost; " +
                          (s.Recovered ? $"under {threshold} ms for good after {N(s.RecoveryMilliseconds, 0)} ms" : $"still at or over {threshold} ms at the phase's end"));
        }
    }
}

using System.Diagnostics;
using Parley.LoadGen.Cli;
using Parley.LoadGen.Connections;
using Parley.LoadGen.Measuring;

namespace Parley.LoadGen.Running;

/// <summary>The dm and room workloads: senders at a rate or with an in-flight window, a measured window, a drain.</summary>
internal sealed partial class LoadRunner
{
    private static readonly TimeSpan LossTimeout = TimeSpan.FromSeconds(1);

    private async Task<int> RunTrafficAsync(TargetServer target, CancellationToken cancellationToken)
    {
        var o = _options;
        _roomMode = o.Workload == Workload.Room;
        _connections = new ClientConnection?[o.Clients];
        _report.Set("senders", o.EffectiveSenders);
        _report.Set("rate_per_sender", o.Rate);
        _report.Set("window", o.Rate == 0 ? o.Window : null);
        _report.Set("duration_s", o.Duration.TotalSeconds);
        var rssBefore = ServerRss();
        var connect = await ConnectRangeAsync(target, 0, o.Clients, o.ConnectRate, join: false, "connect", cancellationToken);
        ReportConnect("", connect);
        if (connect.Registered < 2)
        {
            RunReport.Say("too few clients registered; stopping");
            return 3;
        }

        var members = Enumerable.Range(0, o.Clients).Where(id => _connections[id] is { IsRegistered: true, IsClosed: false }).ToArray();
        if (_roomMode)
        {
            members = await JoinAllAsync(members, "join", cancellationToken);
            _report.Set("room_members", members.Length);
            if (members.Length < 2)
                return 3;
            // The join notices (n² lines) must be delivered before the measured load starts.
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            _roomRecipients = members.Length - 1;
        }

        _targets = members;
        await RunSendersAsync(members, rssBefore, cancellationToken);
        return connect.Registered == o.Clients ? 0 : 1;
    }

    private async Task RunSendersAsync(int[] members, long? rssBefore, CancellationToken cancellationToken)
    {
        var o = _options;
        var senderIds = members.Take(Math.Min(o.EffectiveSenders, members.Length)).ToArray();
        var byId = new Sender?[o.Clients];
        _ackerOf = new int[o.Clients];
        var lineBytes = 64 + PayloadToken.MaxLength(o.Payload) + o.Room.Length;
        var senders = new List<Sender>(senderIds.Length);
        foreach (var id in senderIds)
        {
            var sender = new Sender(_connections[id]!, new SendWindow(o.Window), (o.Rate == 0 ? o.Batch : 8) * lineBytes, (ulong)((o.Seed * 7919L) + id + 1));
            byId[id] = sender;
            senders.Add(sender);
            // In a room the window is acknowledged by one fixed member: the next one after the sender.
            _ackerOf[id] = members[(Array.BinarySearch(members, id) + 1) % members.Length];
        }

        _senderById = byId;
        RunReport.Say($"load: {senders.Count} senders, {members.Length} {(_roomMode ? $"members (fan-out {members.Length - 1})" : "clients")}, " +
                      (o.Rate == 0 ? $"window {o.Window}" : $"{o.Rate}/s each") + $", warm-up {o.Warmup.TotalSeconds} s, window {o.Duration.TotalSeconds} s");

        var start = Stopwatch.GetTimestamp();
        var windowStart = start + Ticks(o.Warmup);
        var windowEnd = windowStart + Ticks(o.Duration);
        Volatile.Write(ref _windowStart, windowStart);
        Volatile.Write(ref _windowEnd, windowEnd);
        _loading = true;
        var sending = senders.Select(s => Task.Run(() => o.Rate == 0 ? ClosedLoopAsync(s, windowEnd) : OpenLoopAsync(s, start, windowEnd), cancellationToken)).ToArray();

        using var progressStop = new CancellationTokenSource();
        long lastSent = 0, lastReceived = 0;
        var lastCpu = ServerCpu();
        var progress = _progress.RunAsync(
            () =>
            {
                long sent = senders.Sum(s => s.Sent), received = SumOverConnections(c => c.Deliveries);
                var cpu = ServerCpu();
                var cpuText = cpu is { } now && lastCpu is { } before ? $", server {N((now - before) * 100, 0)}% CPU" : "";
                lastCpu = cpu;
                var text = $"t={N(Seconds(Stopwatch.GetTimestamp() - windowStart), 0)} s: sent/s {Count(sent - lastSent)}, deliveries/s {Count(received - lastReceived)}{cpuText}";
                (lastSent, lastReceived) = (sent, received);
                return text;
            },
            progressStop.Token);

        await DelayUntilAsync(windowStart, cancellationToken);
        var serverCpuStart = ServerCpu();
        var groupsStart = CpuGroupsNow();
        var selfStart = ProcessStats.CpuSeconds(Environment.ProcessId);
        var machineStart = ProcessStats.MachineJiffies();
        await DelayUntilAsync(windowEnd, cancellationToken);
        var serverCpuEnd = ServerCpu();
        var groupsEnd = CpuGroupsNow();
        var selfEnd = ProcessStats.CpuSeconds(Environment.ProcessId);
        var machineEnd = ProcessStats.MachineJiffies();
        var rssAfter = ServerRss();

        // Senders stop by themselves at the window's end; give a write in progress a moment.
        await Task.WhenAny(Task.WhenAll(sending), Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
        var expected = senders.Sum(s => s.ExpectedInWindow);
        var drainEnd = Stopwatch.GetTimestamp() + Ticks(o.Drain);
        while (Stopwatch.GetTimestamp() < drainEnd && SumOverConnections(c => c.MeasuredDeliveries) < expected)
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        _loading = false;
        await progressStop.CancelAsync();
        await progress;

        ReportTraffic(senders, expected);
        var seconds = o.Duration.TotalSeconds;
        var windowDeliveries = SumOverConnections(c => c.WindowDeliveries);
        if (serverCpuStart is { } c0 && serverCpuEnd is { } c1)
        {
            var cpu = c1 - c0;
            var perThousand = windowDeliveries > 0 ? cpu / (windowDeliveries / 1000.0) * 1000 : double.NaN;
            var sentInWindow = senders.Sum(s => s.SentInWindow);
            var perMessageUs = sentInWindow > 0 ? cpu / sentInWindow * 1e6 : double.NaN;
            RunReport.Say($"server: {N(cpu)} s CPU in the window ({N(cpu / seconds * 100, 0)}% of a core), {N(perThousand, 3)} ms per 1,000 deliveries, " +
                          $"{N(perMessageUs, 1)} µs per message sent; RSS {rssBefore} KiB before, {rssAfter} KiB after");
            _report.Set("server_cpu_s", cpu, 3);
            _report.Set("server_cpu_pct", cpu / seconds * 100, 1);
            _report.Set("server_cpu_ms_per_1k_deliveries", perThousand, 4);
            _report.Set("server_cpu_us_per_message", perMessageUs, 2);
            _report.Set("server_rss_before_kib", rssBefore);
            _report.Set("server_rss_after_kib", rssAfter);
        }

        ReportCpuGroups(groupsStart, groupsEnd, windowDeliveries, seconds);
        ReportGenerator(selfStart, selfEnd, machineStart, machineEnd, seconds);
    }

    // Each --cpu group's share: seconds in the window, % of a core, and ms per 1,000 deliveries.
    private void ReportCpuGroups((string Name, double Seconds)[] start, (string Name, double Seconds)[] end, long windowDeliveries, double seconds)
    {
        for (var i = 0; i < start.Length; i++)
        {
            var (name, cpu) = (start[i].Name, end[i].Seconds - start[i].Seconds);
            var perThousand = windowDeliveries > 0 ? cpu / (windowDeliveries / 1000.0) * 1000 : double.NaN;
            RunReport.Say($"cpu {name}: {N(cpu)} s in the window ({N(cpu / seconds * 100, 0)}% of a core), {N(perThousand, 3)} ms per 1,000 deliveries");
            _report.Set($"cpu_{name}_s", cpu, 3);
            _report.Set($"cpu_{name}_ms_per_1k_deliveries", perThousand, 4);
        }
    }

    private void ReportTraffic(List<Sender> senders, long expected)
    {
        var o = _options;
        var latency = new LatencyHistogram();
        foreach (var c in _connections)
        {
            if (c?.Latency is { } h)
                latency.Merge(h);
        }

        long delivered = SumOverConnections(c => c.MeasuredDeliveries), windowDeliveries = SumOverConnections(c => c.WindowDeliveries);
        long duplicates = SumOverConnections(c => c.Duplicates), echoes = SumOverConnections(c => c.Echoes);
        long sent = senders.Sum(s => s.Sent), sentInWindow = senders.Sum(s => s.SentInWindow);
        long timeouts = senders.Sum(s => s.Window.Timeouts), late = senders.Sum(s => s.LateSends);
        var seconds = o.Duration.TotalSeconds;
        var lost = Math.Max(0, expected - delivered);
        var perSecond = windowDeliveries / seconds;
        RunReport.Say($"sent {Count(sent)} ({Count(sentInWindow)} in the window, {N(sentInWindow / seconds, 0)}/s); expected {Count(expected)}, delivered {Count(delivered)}, " +
                      $"lost {Count(lost)}, duplicated {Count(duplicates)}" + (echoes > 0 ? $", echoes to the sender {Count(echoes)}" : ""));
        RunReport.Say($"{N(perSecond, 0)} deliveries/s; latency ms p50 {N(latency.PercentileMilliseconds(50), 3)}, p90 {N(latency.PercentileMilliseconds(90), 3)}, " +
                      $"p99 {N(latency.PercentileMilliseconds(99), 3)}, p99.9 {N(latency.PercentileMilliseconds(99.9), 3)}, max {N(latency.MaxMilliseconds, 3)} (n={Count(latency.Count)})");
        if (timeouts > 0 || late > 0)
            RunReport.Say($"window credits given up after 1 s: {Count(timeouts)}; sends over 10 ms behind schedule: {Count(late)}");
        if (_closedWhileLoading > 0)
            RunReport.Say($"connections closed during the load: {_closedWhileLoading}");
        _report.Set("sent", sent);
        _report.Set("sent_window", sentInWindow);
        _report.Set("sent_per_s", sentInWindow / seconds, 1);
        _report.Set("expected", expected);
        _report.Set("delivered", delivered);
        _report.Set("lost", lost);
        _report.Set("loss", expected > 0 ? (double)lost / expected : double.NaN, 6);
        _report.Set("duplicated", duplicates);
        _report.Set("echoes", echoes);
        _report.Set("deliveries_per_s", perSecond, 1);
        _report.Set("lat_p50_ms", latency.PercentileMilliseconds(50), 3);
        _report.Set("lat_p90_ms", latency.PercentileMilliseconds(90), 3);
        _report.Set("lat_p99_ms", latency.PercentileMilliseconds(99), 3);
        _report.Set("lat_p999_ms", latency.PercentileMilliseconds(99.9), 3);
        _report.Set("lat_max_ms", latency.MaxMilliseconds, 3);
        _report.Set("lat_mean_ms", latency.MeanMilliseconds, 3);
        _report.Set("window_timeouts", timeouts);
        _report.Set("late_sends", late);
        _report.Set("closed_during_load", _closedWhileLoading);
    }

    private void ReportGenerator(
        (double User, double System)? selfStart, (double User, double System)? selfEnd, (long Busy, long Total) machineStart, (long Busy, long Total) machineEnd, double seconds)
    {
        if (selfStart is { } s0 && selfEnd is { } s1)
        {
            var cpu = s1.User + s1.System - s0.User - s0.System;
            var machine = machineEnd.Total > machineStart.Total
                ? (double)(machineEnd.Busy - machineStart.Busy) / (machineEnd.Total - machineStart.Total) * Environment.ProcessorCount * 100
                : double.NaN;
            RunReport.Say($"generator: {N(cpu)} s CPU in the window ({N(cpu / seconds * 100, 0)}% of a core; user {N(s1.User - s0.User)} s, system {N(s1.System - s0.System)} s); " +
                          $"machine busy {N(machine, 0)}% of {Environment.ProcessorCount * 100}%");
            _report.Set("generator_cpu_s", cpu, 3);
            _report.Set("generator_cpu_pct", cpu / seconds * 100, 1);
            _report.Set("machine_busy_pct", machine, 1);
            _report.Set("cores", Environment.ProcessorCount);
        }
    }

    private int BuildMessage(Sender sender, Span<byte> destination, long now)
    {
        int length, recipients;
        if (_roomMode)
        {
            length = _adapter.WriteRoomPrefix(destination, _options.Room);
            recipients = _roomRecipients;
        }
        else
        {
            // A uniformly random other client: draw among n - 1 and let the last stand in for the sender itself.
            var targets = _targets;
            var target = targets[sender.Random.Next(targets.Length - 1)];
            if (target == sender.Connection.Id)
                target = targets[^1];
            length = _adapter.WriteDirectPrefix(destination, target);
            recipients = 1;
        }

        length += PayloadToken.Write(destination[length..], PayloadToken.Marker, sender.Connection.Id, sender.Sequence++, now, _options.Payload);
        _adapter.NewLine.CopyTo(destination[length..]);
        length += _adapter.NewLine.Length;
        sender.Sent++;
        if (now >= _windowStart && now < _windowEnd)
        {
            sender.SentInWindow++;
            sender.ExpectedInWindow += recipients;
        }

        return length;
    }

    /// <summary>Rate 0: as fast as the in-flight window allows, every credit available in one write.</summary>
    private async Task ClosedLoopAsync(Sender sender, long endTicks)
    {
        // Bounded by endTicks: TakeAsync returns 0 once it passed.
        while (!sender.Connection.IsClosed && Stopwatch.GetTimestamp() < endTicks)
        {
            var n = await sender.Window.TakeAsync(_options.Batch, LossTimeout, endTicks);
            var now = Stopwatch.GetTimestamp();
            if (n == 0 || now >= endTicks)
                break;
            var length = 0;
            for (var i = 0; i < n; i++)
                length += BuildMessage(sender, sender.Buffer.AsSpan(length), now);
            await sender.Connection.SendAsync(sender.Buffer, length);
        }
    }

    /// <summary>Rate &gt; 0: open loop on a fixed schedule with a random phase; a late sender catches up in bursts of at most 8.</summary>
    private async Task OpenLoopAsync(Sender sender, long startTicks, long endTicks)
    {
        const int MaxBurst = 8;
        var interval = Math.Max(1, (long)(TicksPerSecond / _options.Rate));
        var next = startTicks + (long)(sender.Random.NextDouble() * interval);
        while (!sender.Connection.IsClosed && next < endTicks)
        {
            var now = Stopwatch.GetTimestamp();
            if (now < next)
            {
                await Task.Delay(TimeSpan.FromSeconds(Seconds(next - now)));
                now = Stopwatch.GetTimestamp();
            }

            if (now - next > TicksPerSecond / 100)
                sender.LateSends++;
            var length = 0;
            for (var k = 0; next <= now && next < endTicks && k < MaxBurst; k++)
            {
                length += BuildMessage(sender, sender.Buffer.AsSpan(length), Stopwatch.GetTimestamp());
                next += interval;
            }

            if (length > 0)
                await sender.Connection.SendAsync(sender.Buffer, length);
        }
    }
}

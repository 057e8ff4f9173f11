using Parley.LoadGen.Connections;

namespace Parley.LoadGen.Running;

/// <summary>The idle workload: connect, register, hold; memory per connection and registration latency.</summary>
internal sealed partial class LoadRunner
{
    private async Task<int> RunIdleAsync(TargetServer target, CancellationToken cancellationToken)
    {
        var o = _options;
        _connections = new ClientConnection?[o.Clients];
        _report.Set("hold_s", o.Hold.TotalSeconds);
        var rssBefore = ServerRss();
        var cpuBefore = ServerCpu();
        var connect = await ConnectRangeAsync(target, 0, o.Clients, o.ConnectRate, join: false, "connect", cancellationToken);
        ReportConnect("", connect);
        var cpuAfterConnect = ServerCpu();
        var rssAfterConnect = ServerRss();
        if (cpuBefore is { } c0 && cpuAfterConnect is { } c1)
        {
            var cpu = c1 - c0;
            _report.Set("server_cpu_connect_s", cpu, 3);
            _report.Set("server_cpu_ms_per_registration", connect.Registered > 0 ? cpu / connect.Registered * 1000 : double.NaN, 4);
            RunReport.Say($"server: {N(cpu)} s CPU while connecting ({N(cpu / Math.Max(1, connect.Registered) * 1000, 3)} ms per registration)");
        }

        using (var progressStop = new CancellationTokenSource())
        {
            var progress = _progress.RunAsync(() => $"holding: {CountOpen(0, o.Clients)} open, server RSS {ServerRss()} KiB", progressStop.Token);
            await Task.Delay(o.Hold, cancellationToken);
            await progressStop.CancelAsync();
            await progress;
        }

        var open = CountOpen(0, o.Clients);
        var rssAfterHold = ServerRss();
        var cpuAfterHold = ServerCpu();
        _report.Set("open_after_hold", open);
        RunReport.Say($"held {o.Hold.TotalSeconds} s: {open} still open");
        if (rssBefore is { } before && rssAfterHold is { } after)
        {
            var perConnection = (after - before) / (double)Math.Max(1, connect.Registered);
            RunReport.Say($"server RSS: {before} KiB before, {rssAfterConnect} KiB after connecting, {after} KiB after holding: {N(perConnection)} KiB per connection");
            _report.Set("server_rss_before_kib", before);
            _report.Set("server_rss_after_connect_kib", rssAfterConnect);
            _report.Set("server_rss_after_kib", after);
            _report.Set("server_rss_per_conn_kib", perConnection, 2);
        }

        if (cpuAfterConnect is { } h0 && cpuAfterHold is { } h1)
            _report.Set("server_cpu_hold_s", h1 - h0, 3);
        return connect.Registered == o.Clients ? 0 : 1;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parley.Core.Presence;

namespace Parley.Storage.Postgres.Cluster;

/// <summary>
/// The node's heartbeat loop: renews the lease every <see cref="NodeLeaseOptions.HeartbeatInterval"/>,
/// tells this node's users (and, through the router, every node's) that a dead node's users quit,
/// and stops the node when its lease is lost (the others may have freed its nicks) or could not be
/// renewed for <see cref="NodeLeaseOptions.DatabaseOutageGrace"/>: it then logs an error and stops
/// the host, which closes every session. A shorter PostgreSQL outage is served through
/// (<see cref="PostgresNodeLease.InOutage"/>). At a clean stop it gives the lease back, freeing this
/// node's nicks at once.
/// </summary>
internal sealed class PostgresClusterService(
    PostgresNodeLease lease,
    PostgresNickClaims claims,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<PostgresClusterService> logger) : BackgroundService
{
    private bool _lost;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hub = services.GetRequiredService<ChatHub>();
        Announce(hub, lease.TakenOver);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(lease.Options.HeartbeatInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var beat = await lease.BeatAsync(stoppingToken);
            Announce(hub, beat.Dead);
            if (beat.Renewed)
                _ = claims.ReleaseStrayAsync();
            if (lease.MustStopServing(beat))
            {
                _lost = true;
                PostgresLog.LeaseLost(logger, lease.NodeName, beat.Lost
                    ? "another node counted it dead, or a new incarnation took its name"
                    : $"no heartbeat written for {(time.GetUtcNow() - lease.LastRenewed).TotalSeconds:0.#} s");
                lifetime.StopApplication();
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!_lost)
        {
            try
            {
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                bounded.CancelAfter(TimeSpan.FromSeconds(5));
                await claims.WhenWrittenAsync().WaitAsync(bounded.Token);
                await lease.ReleaseAsync(bounded.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or Npgsql.NpgsqlException or IOException or TimeoutException)
            {
                // The row expires by itself: the others free its nicks after the timeout.
            }
        }

        await claims.DisposeAsync();
    }

    private static void Announce(ChatHub hub, IReadOnlyList<DeadNode> dead)
    {
        foreach (var node in dead)
        {
            if (node.Nicks.Count > 0)
                hub.AnnounceDeparted(node.Nicks, $"node {node.Name} timed out");
        }
    }
}

using Parley.Protocols.Line;
using Parley.TestKit;

namespace Parley.Cluster.Tests;

/// <summary>
/// PostgreSQL stops (crash, <c>pg_ctl stop -m immediate</c>) for longer than the node timeout
/// under three nodes: every node serves on, commands that need the store fail clearly, and once
/// PostgreSQL is back no node counts another dead, so no nick is freed and no session closed.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class PostgresOutageTests(ThreeNodeCluster cluster)
{
    private static readonly TimeSpan LogWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Three_nodes_serve_through_a_postgres_outage_longer_than_the_node_timeout_and_keep_their_nicks()
    {
        var room = "#" + ThreeNodeCluster.Unique("pg");
        await using var alice = await ChatUser.LineAsync(cluster.Nodes[0], ThreeNodeCluster.Unique("alice"));
        await using var bob = await ChatUser.IrcAsync(cluster.Nodes[1], ThreeNodeCluster.Unique("bob"));
        await alice.JoinAsync(room);
        await bob.JoinAsync(room);
        await alice.SayAsync(room, "before the outage");
        await bob.WaitForTextAsync("before the outage");

        var carol = ThreeNodeCluster.Unique("carol");
        await using var newcomer = await LineTestClient.ConnectAsync(cluster.Nodes[2].LinePort);
        cluster.Postgres.Stop("immediate");
        try
        {
            // Past NodeTimeout less one interval (15 s), where a node used to stop serving.
            await Task.WhenAll(cluster.Nodes.Select(node => node.Process.WaitForLogAsync("serving on in the outage grace", LogWait)));
            Assert.All(cluster.Nodes, node => Assert.True(node.Process.IsRunning, node.Process.Log));

            var (said, _) = await alice.Line!.CommandAsync($"@{room}:during the outage");
            Assert.StartsWith($"ERR {LineErrorCodes.StorageFailed}", said, StringComparison.Ordinal);
            // A new nick cannot be decided without the database: unavailable, not "taken".
            await newcomer.SendAsync("#" + carol);
            var (refused, _) = await newcomer.ReplyAsync();
            Assert.StartsWith($"ERR {LineErrorCodes.StorageFailed}", refused, StringComparison.Ordinal);
        }
        finally
        {
            cluster.Postgres.Start();
        }

        // Every node renews, and none frees the nicks of the others, which were just as cut off.
        await Task.WhenAll(cluster.Nodes.Select(node => node.Process.WaitForLogAsync("renewed its heartbeat after", LogWait)));
        await alice.SayAsync(room, "after the outage");
        var (after, skipped) = await bob.WaitForAsync(line => line.Contains("after the outage", StringComparison.Ordinal), LogWait);
        Assert.DoesNotContain(skipped, line => line.Contains("QUIT", StringComparison.Ordinal));
        foreach (var node in cluster.Nodes)
        {
            foreach (var other in cluster.Nodes)
                Assert.DoesNotContain($"Node {other.Name} timed out", node.Process.Log, StringComparison.Ordinal);
        }


        await using var impostor = await LineTestClient.ConnectAsync(cluster.Nodes[2].LinePort);
        await impostor.SendAsync("#" + alice.Nick);
        var (taken, _) = await impostor.ReplyAsync();
        Assert.StartsWith($"ERR {LineErrorCodes.NickTaken}", taken, StringComparison.Ordinal);
        await newcomer.SendAsync("#" + carol);
        var (welcome, _) = await newcomer.ReplyAsync();
        Assert.StartsWith("OK", welcome, StringComparison.Ordinal);
    }
}

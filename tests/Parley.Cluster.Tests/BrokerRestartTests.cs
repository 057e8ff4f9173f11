namespace Parley.Cluster.Tests;

/// <summary>RabbitMQ restarted mid-conversation: delivery between the nodes resumes by itself, and what was said meanwhile arrives.</summary>
[Collection(SharedCluster.Name)]
public sealed class BrokerRestartTests(ThreeNodeCluster cluster)
{
    [Fact]
    public async Task A_conversation_across_nodes_goes_on_after_RabbitMQ_restarts()
    {
        var room = "#" + ThreeNodeCluster.Unique("restart");
        await using var alice = await ChatUser.LineAsync(cluster.Nodes[0], ThreeNodeCluster.Unique("alice"));
        await using var bob = await ChatUser.IrcAsync(cluster.Nodes[1], ThreeNodeCluster.Unique("bob"));
        await using var carol = await ChatUser.WebAsync(cluster.Nodes[2], ThreeNodeCluster.Unique("carol"));
        await alice.JoinAsync(room);
        await bob.JoinAsync(room);
        await carol.JoinAsync(room);
        await alice.SayAsync(room, "before the restart");
        await bob.WaitForTextAsync("before the restart");
        await carol.WaitForTextAsync("before the restart");

        await cluster.Broker.StopAsync();
        // Accepted while the broker is down: held by node 1 and sent once it is back.
        await alice.SayAsync(room, "while the broker is down");
        await cluster.Broker.StartAsync();

        await bob.WaitForAsync(line => line.Contains("while the broker is down", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        await carol.WaitForTextAsync("while the broker is down");
        // Both ways, by itself: no node restarted, no client reconnected.
        await bob.SayAsync(room, "after the restart");
        await alice.WaitForAsync(line => line.Contains("after the restart", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        await carol.WaitForTextAsync("after the restart");
    }
}

namespace Parley.Cluster.Tests;

/// <summary>A node killed outright (kill -9): what it accepted is not lost.</summary>
[Collection(SharedCluster.Name)]
public sealed class NodeKillTests(ThreeNodeCluster cluster)
{
    [Fact]
    public async Task A_room_message_accepted_just_before_its_node_is_killed_is_in_the_history_on_another_node()
    {
        var room = "#" + ThreeNodeCluster.Unique("hist");
        var doomed = await cluster.StartNodeAsync("doomed");
        await using var bob = await ChatUser.IrcAsync(cluster.Nodes[0], ThreeNodeCluster.Unique("bob"));
        await bob.JoinAsync(room);
        await using (var alice = await ChatUser.LineAsync(doomed, ThreeNodeCluster.Unique("alice")))
        {
            await alice.JoinAsync(room);
            // The OK comes once the message is committed to PostgreSQL; the kill follows at once.
            await alice.SayAsync(room, "last words");
            doomed.Process.Kill();
        }

        // Carol joins on a third node after the kill: the message is in the shared history.
        await using var carol = await ChatUser.LineAsync(cluster.Nodes[1], ThreeNodeCluster.Unique("carol"));
        var history = await carol.JoinAsync(room);
        Assert.Contains(history, line => line.Contains("last words", StringComparison.Ordinal));
    }
}

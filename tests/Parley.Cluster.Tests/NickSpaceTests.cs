using Parley.TestKit;

namespace Parley.Cluster.Tests;

/// <summary>
/// One nick space, DMs across nodes and a dead node's quits, over three server processes.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class NickSpaceTests(ThreeNodeCluster cluster)
{
    [Fact]
    public async Task A_nick_held_on_node_1_is_refused_on_node_2()
    {
        var nick = ThreeNodeCluster.Unique("held");
        await using var holder = await ChatUser.IrcAsync(cluster.Nodes[0], nick);
        await using var line = await LineTestClient.ConnectAsync(cluster.Nodes[1].LinePort);
        var (reply, _) = await line.CommandAsync("#" + nick);
        Assert.StartsWith("ERR", reply, StringComparison.Ordinal);
        await using var irc = await IrcTestClient.ConnectAsync(cluster.Nodes[2].IrcPort);
        await irc.SendAsync($"NICK {nick}");
        await irc.SendAsync("USER u 0 * :Someone Else");
        await irc.WaitForAsync(l => IrcTestClient.IsNumeric(l, "433"));
    }

    [Fact]
    public async Task A_direct_message_from_node_1_reaches_a_user_on_node_2()
    {
        await using var alice = await ChatUser.LineAsync(cluster.Nodes[0], ThreeNodeCluster.Unique("alice"));
        await using var bob = await ChatUser.IrcAsync(cluster.Nodes[1], ThreeNodeCluster.Unique("bob"));
        var (reply, _) = await alice.Line!.CommandAsync($"@{bob.Nick}:across the cluster");
        Assert.StartsWith("OK", reply, StringComparison.Ordinal);
        await bob.WaitForAsync(l => IrcTestClient.Command(l) == "PRIVMSG" && l.Contains("across the cluster", StringComparison.Ordinal));
        await bob.Irc!.SendAsync($"PRIVMSG {alice.Nick} :and back");
        await alice.WaitForTextAsync("and back");
    }

    [Fact]
    public async Task The_users_of_a_killed_node_are_seen_to_quit_on_the_others_within_the_timeout()
    {
        var room = "#" + ThreeNodeCluster.Unique("dead");
        var doomed = await cluster.StartNodeAsync("dying");
        await using var watcher = await ChatUser.IrcAsync(cluster.Nodes[0], ThreeNodeCluster.Unique("watch"));
        await watcher.JoinAsync(room);
        var victim = await ChatUser.IrcAsync(doomed, ThreeNodeCluster.Unique("victim"));
        await victim.JoinAsync(room);
        await watcher.WaitForAsync(l => IrcTestClient.Command(l) == "JOIN" && l.Contains(victim.Nick, StringComparison.OrdinalIgnoreCase));

        doomed.Process.Kill();
        await victim.DisposeAsync();
        // The default node lease expires in under 30 s (issue 15).
        await watcher.WaitForAsync(l => IrcTestClient.Command(l) == "QUIT" && l.Contains(victim.Nick, StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(40));
        // Its nick is free again on the others.
        await using var again = await ChatUser.IrcAsync(cluster.Nodes[1], victim.Nick);
    }
}

using Microsoft.Extensions.Time.Testing;
using Parley.Protocols.Line;
using Parley.TestKit;

namespace Parley.Cluster.Tests;

/// <summary>Two nodes on one PostgreSQL and one RabbitMQ: one nick space, direct messages across them, offline delivery across them, a dead node's users quitting.</summary>
[Collection(UsesCluster.Name)]
public sealed class NickSpaceAcrossNodesTests(ClusterServices services)
{
    private const string Password = "correct-horse";

    [Fact]
    public async Task A_nick_held_on_node_a_is_refused_on_node_b_by_line_and_by_irc()
    {
        await using var nodes = await Nodes.CreateAsync(services);
        var a = await nodes.StartAsync("a");
        var b = await nodes.StartAsync("b");
        await using var bob = await a.ConnectAsAsync("bob");

        await using var line = await b.ConnectAsync();
        await line.SendAsync("#bob");
        var (refused, _) = await line.ReplyAsync();
        Assert.StartsWith($"ERR {LineErrorCodes.NickTaken}", refused, StringComparison.Ordinal);

        await using var irc = await b.ConnectIrcAsync();
        await irc.SendAsync("NICK BOB");
        await irc.SendAsync("USER u 0 * :Real Name");
        var (taken, _) = await irc.WaitForAsync(l => IrcTestClient.IsNumeric(l, "433"));
        Assert.Contains("BOB", taken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_direct_message_from_node_b_reaches_a_guest_and_an_account_on_node_a()
    {
        await using var nodes = await Nodes.CreateAsync(services);
        var a = await nodes.StartAsync("a");
        var b = await nodes.StartAsync("b");
        await using var bob = await a.ConnectAsAsync("bob");
        await using var alice = await a.ConnectNewAccountAsync("alice", Password);
        await Nodes.BoundAsync(a);
        await Nodes.WhenSeenAsync(b, claims => claims.TryFind("bob", out _) && claims.TryFind("alice", out _));
        await using var carol = await b.ConnectAsAsync("carol");

        Assert.Equal("OK delivered to bob", (await carol.CommandAsync("@bob:hi bob")).Reply);
        var (dm, _) = await bob.WaitForAsync(l => l.StartsWith("DM", StringComparison.Ordinal));
        Assert.Equal("hi bob", ServerLineParser.Parse(dm).Text);
        Assert.Equal("carol", ServerLineParser.Parse(dm).From);

        Assert.Equal("OK delivered to alice", (await carol.CommandAsync("/dm alice hi alice")).Reply);
        var (toAlice, _) = await alice.WaitForAsync(l => l.StartsWith("DM", StringComparison.Ordinal));
        Assert.Equal("hi alice", ServerLineParser.Parse(toAlice).Text);

        // IRC on b to the line user on a.
        await using var dave = await b.ConnectIrcAsAsync("dave");
        await dave.SendAsync("PRIVMSG bob :from irc");
        var (fromIrc, _) = await bob.WaitForAsync(l => l.Contains("from irc", StringComparison.Ordinal));
        Assert.Equal("dave", ServerLineParser.Parse(fromIrc).From);
    }

    [Fact]
    public async Task An_offline_message_stored_from_node_b_arrives_when_the_account_signs_in_on_node_a()
    {
        await using var nodes = await Nodes.CreateAsync(services);
        var a = await nodes.StartAsync("a");
        var b = await nodes.StartAsync("b");
        await using (var alice = await a.ConnectNewAccountAsync("alice", Password))
            await alice.SendAsync("/quit");
        await Nodes.WhenSeenAsync(b, claims => !claims.TryFind("alice", out _));
        await using var carol = await b.ConnectAsAsync("carol");

        Assert.Equal("OK stored for alice (offline)", (await carol.CommandAsync("@alice:while you were out")).Reply);

        await using var again = await a.ConnectAsync();
        await again.SendAsync($"/login alice {Password}");
        var (login, missed) = await again.ReplyAsync();
        Assert.Equal("OK logged in as alice; 1 stored message delivered", login);
        Assert.Equal(["while you were out"], missed.Select(l => ServerLineParser.Parse(l).Text));
    }

    [Fact]
    public async Task When_a_node_stops_beating_its_nicks_are_freed_and_its_users_drop_for_the_others()
    {
        await using var nodes = await Nodes.CreateAsync(services);
        var start = DateTimeOffset.UtcNow;
        // Each node on a clock of its own: a's never moves, so a never beats again (as if killed).
        var a = await nodes.StartAsync("a", new FakeTimeProvider(start));
        var bTime = new FakeTimeProvider(start);
        var b = await nodes.StartAsync("b", bTime);
        await using var bob = await a.ConnectAsAsync("bob");
        await Nodes.WhenSeenAsync(b, claims => claims.TryFind("bob", out _));
        await using var carol = await b.ConnectAsAsync("carol");
        await using var irc = await b.ConnectIrcAsync();
        await irc.SendAsync("NICK bob");
        await irc.SendAsync("USER u 0 * :Real Name");
        await irc.WaitForAsync(l => IrcTestClient.IsNumeric(l, "433"));

        // Past the timeout (20 s) by b's clock: b's next heartbeat counts a dead.
        bTime.Advance(TimeSpan.FromSeconds(25));

        // bob's "joined" from node a may reach carol after she connected: it is not the line awaited.
        var (dropped, _) = await carol.WaitForAsync(l => l.StartsWith("SYS bob dropped", StringComparison.Ordinal));
        Assert.Contains("timed out", dropped, StringComparison.Ordinal);
        await Nodes.WhenSeenAsync(b, claims => !claims.TryFind("bob", out _));
        await irc.SendAsync("NICK bob");
        await irc.WaitForAsync(l => IrcTestClient.IsNumeric(l, "001"));
    }
}

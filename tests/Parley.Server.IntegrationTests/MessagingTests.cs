using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

public sealed class MessagingTests
{
    [Theory]
    [InlineData("@bob:hello there")]
    [InlineData("@BOB:hello there")]
    [InlineData("/dm bob hello there")]
    [InlineData("/DM Bob   hello there")]
    public async Task Direct_message_reaches_only_the_recipient_with_the_sender_nick(string line)
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await using var carol = await server.ConnectAsAsync("carol");

        await alice.SendAsync(line);

        var (reply, _) = await alice.WaitForAsync(l => l.StartsWith("OK", StringComparison.Ordinal));
        Assert.Equal("OK delivered to bob", reply);
        var (dm, _) = await bob.WaitForAsync(l => l.StartsWith("DM", StringComparison.Ordinal));
        Assert.Equal("DM alice: hello there", dm);
        Assert.DoesNotContain(await carol.DrainAsync(), l => l.StartsWith("DM", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Direct_message_to_a_nick_not_online_is_refused()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");

        await alice.SendAsync("@nobody:hi");

        await alice.ExpectAsync("ERR NO_SUCH_NICK nobody is not online");
    }

    [Theory]
    [InlineData("/dm bob")]
    [InlineData("/dm")]
    [InlineData("@bob:")]
    public async Task Direct_message_without_text_is_refused(string line)
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");

        await alice.SendAsync(line);

        var (reply, _) = await alice.WaitForAsync(l => l.StartsWith("OK", StringComparison.Ordinal) || l.StartsWith("ERR", StringComparison.Ordinal));
        Assert.StartsWith("ERR NEED_MORE_PARAMS usage: /dm", reply, StringComparison.Ordinal);
        Assert.Empty(await bob.DrainAsync());
    }

    [Theory]
    [InlineData("/bm hello all", "hello all")]
    [InlineData("hello all", "hello all")]
    [InlineData("  héllo wörld ✓  ", "héllo wörld ✓")]
    public async Task Broadcast_reaches_everyone_else_but_not_the_sender(string line, string text)
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await using var carol = await server.ConnectAsAsync("carol");

        await alice.SendAsync(line);

        var (reply, _) = await alice.WaitForAsync(l => l.StartsWith("OK", StringComparison.Ordinal));
        Assert.Equal("OK sent to 2 users", reply);
        Assert.Equal($"BM alice: {text}", (await bob.WaitForAsync(l => l.StartsWith("BM", StringComparison.Ordinal))).Line);
        Assert.Equal($"BM alice: {text}", (await carol.WaitForAsync(l => l.StartsWith("BM", StringComparison.Ordinal))).Line);
        Assert.DoesNotContain(await alice.DrainAsync(), l => l.StartsWith("BM", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Users_lists_everyone_online_to_the_asker_only()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var carol = await server.ConnectAsAsync("carol");
        await using var alice = await server.ConnectAsAsync("Alice");
        await using var bob = await server.ConnectAsAsync("bob");

        await bob.SendAsync("/users");

        var (users, _) = await bob.WaitForAsync(l => l.StartsWith("USERS", StringComparison.Ordinal));
        Assert.Equal("USERS Alice bob carol", users);
        await bob.ExpectAsync("OK 3 users online");
        Assert.DoesNotContain(await carol.DrainAsync(), l => l.StartsWith("USERS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Counts_of_one_are_singular_and_others_plural()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");

        Assert.Equal("OK 1 user online", (await alice.CommandAsync("/users")).Reply);
        Assert.Equal("OK sent to 0 users", (await alice.CommandAsync("/bm anyone?")).Reply);
        Assert.Equal("OK 0 rooms", (await alice.CommandAsync("/rooms")).Reply);
        await alice.JoinAsync("#dev");
        Assert.Equal("OK 1 room", (await alice.CommandAsync("/rooms")).Reply);
        Assert.Equal("OK 1 member in #dev", (await alice.CommandAsync("/who #dev")).Reply);
        await using var bob = await server.ConnectAsAsync("bob");
        Assert.Equal("OK joined #dev (2 members)", (await bob.CommandAsync("/join #dev")).Reply);
        Assert.Equal("OK sent to 1 user", (await alice.CommandAsync("/bm hi bob")).Reply);
    }

    [Fact]
    public async Task Help_lists_every_command_then_ends_with_ok()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        await client.SendAsync("/help");

        var (_, help) = await client.WaitForAsync(l => l == "OK end of help");
        Assert.All(help, l => Assert.StartsWith("HELP /", l, StringComparison.Ordinal));
        foreach (var command in new[] { "/nick", "/dm", "/bm", "/users", "/help", "/quit" })
            Assert.Contains(help, l => l.StartsWith($"HELP {command} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quit_with_reason_is_announced_and_closes_the_connection()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");

        await bob.SendAsync("/quit off to lunch");

        Assert.Equal(["BYE off to lunch"], await bob.ReadUntilClosedAsync());
        var (left, _) = await alice.WaitForAsync(l => l.Contains("left", StringComparison.Ordinal));
        Assert.Equal("SYS bob left (off to lunch)", left);
    }

    [Fact]
    public async Task Quit_without_reason_is_announced()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");

        await bob.SendAsync("/quit");

        Assert.Equal(["BYE goodbye"], await bob.ReadUntilClosedAsync());
        Assert.Equal("SYS bob left", (await alice.WaitForAsync(l => l.Contains("left", StringComparison.Ordinal))).Line);
    }

    [Fact]
    public async Task Dropped_connection_is_announced_and_frees_the_nick()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        var bob = await server.ConnectAsAsync("bob");

        bob.Drop();

        var (dropped, _) = await alice.WaitForAsync(l => l.Contains("dropped", StringComparison.Ordinal));
        Assert.Equal("SYS bob dropped (connection closed)", dropped);
        await using var bobAgain = await server.ConnectAsAsync("bob");
        await bob.DisposeAsync();
    }

    [Fact]
    public async Task Lines_after_quit_in_the_same_packet_are_not_executed()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");

        await bob.SendAsync("/quit\n@alice:after quit");

        Assert.Equal(["BYE goodbye"], await bob.ReadUntilClosedAsync());
        Assert.DoesNotContain(await alice.DrainAsync(), l => l.StartsWith("DM", StringComparison.Ordinal));
    }
}

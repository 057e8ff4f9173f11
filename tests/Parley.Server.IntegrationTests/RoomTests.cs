using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

public sealed class RoomTests
{
    [Fact]
    public async Task Join_new_room_creates_it_and_makes_the_creator_an_op()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");

        await alice.SendAsync("/join #Dev");

        await alice.ExpectAsync("MEMBERS #Dev @alice");
        await alice.ExpectAsync("OK joined #Dev (new room; you are its operator)");
    }

    [Fact]
    public async Task Join_shows_topic_members_and_latest_messages_and_members_are_told()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.JoinAsync("#dev");
        Assert.Equal("OK topic of #dev set", (await alice.CommandAsync("/topic #dev release on friday")).Reply);
        await alice.CommandAsync("@#dev:first");
        await alice.CommandAsync("/say #dev second");

        var lines = await bob.JoinAsync("#DEV");

        Assert.Equal(4, lines.Count(l => !l.StartsWith("SYS ", StringComparison.Ordinal)));
        var data = lines.Where(l => !l.StartsWith("SYS ", StringComparison.Ordinal)).ToList();
        Assert.Matches(@"^TOPIC #dev alice \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z release on friday$", data[0]);
        Assert.Equal("MEMBERS #dev @alice bob", data[1]);
        Assert.Matches(@"^HIST \d+ \S+Z alice -> #dev: first$", data[2]);
        Assert.Matches(@"^HIST \d+ \S+Z alice -> #dev: second$", data[3]);
        Assert.Equal("ROOM #dev bob joined", (await alice.WaitForAsync(l => l.StartsWith("ROOM", StringComparison.Ordinal))).Line);
    }

    [Theory]
    [InlineData("@#dev:hello room")]
    [InlineData("/say #DEV hello room")]
    public async Task Room_message_reaches_every_member_once_and_the_sender_gets_an_echo(string line)
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await using var carol = await server.ConnectAsAsync("carol");
        await using var outsider = await server.ConnectAsAsync("outsider");
        foreach (var member in new[] { alice, bob, carol })
            await member.JoinAsync("#dev");

        var (reply, before) = await alice.CommandAsync(line);

        Assert.Equal("OK sent to 2 members of #dev", reply);
        Assert.Matches(@"^ECHO \d+ \S+Z alice -> #dev: hello room$", Assert.Single(before, l => l.StartsWith("ECHO ", StringComparison.Ordinal)));
        foreach (var member in new[] { bob, carol })
        {
            await member.WaitForAsync(l => l == "RM #dev alice: hello room");
            Assert.DoesNotContain(await member.DrainAsync(), l => l.StartsWith("RM ", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(await alice.DrainAsync(), l => l.StartsWith("RM ", StringComparison.Ordinal) || l.StartsWith("ECHO ", StringComparison.Ordinal));
        Assert.DoesNotContain(await outsider.DrainAsync(), l => l.StartsWith("RM ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parts_quits_and_drops_are_told_to_everyone_in_the_room()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await using var carol = await server.ConnectAsAsync("carol");
        var dave = await server.ConnectAsAsync("dave");
        foreach (var member in new[] { alice, bob, carol, dave })
            await member.JoinAsync("#dev");

        Assert.Equal("OK left #dev", (await bob.CommandAsync("/part #dev see you")).Reply);
        await carol.SendAsync("/quit lunch");
        dave.Drop();

        await alice.WaitForAsync(l => l == "ROOM #dev bob left (see you)");
        // Carol's quit and Dave's drop race each other on the server: accept them in either order.
        // Closed or lost (a reset, when unread lines were pending): either way a drop.
        var told = new HashSet<string>();
        await alice.WaitForAsync(l =>
        {
            if (l == "ROOM #dev carol quit (lunch)")
                told.Add("carol");
            if (l.StartsWith("ROOM #dev dave dropped (connection ", StringComparison.Ordinal))
                told.Add("dave");
            return told.Count == 2;
        });
        Assert.Equal("MEMBERS #dev @alice", (await alice.CommandAsync("/who #dev")).Before.Last());
        await dave.DisposeAsync();
    }

    [Fact]
    public async Task Rooms_lists_member_counts_and_topics_and_hides_secret_rooms_from_non_members()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.JoinAsync("#dev");
        await bob.JoinAsync("#dev");
        await alice.CommandAsync("/topic #dev ship it");
        await alice.JoinAsync("#hidden");
        Assert.Equal("OK #hidden modes +ns", (await alice.CommandAsync("/mode #hidden +s")).Reply);
        await bob.JoinAsync("#bob");

        var (reply, lines) = await bob.CommandAsync("/rooms");

        Assert.Equal("OK 2 rooms", reply);
        Assert.Equal(["LIST #bob 1 ", "LIST #dev 2 ship it"], lines.Where(l => l.StartsWith("LIST", StringComparison.Ordinal)));
        Assert.Equal("ERR NO_SUCH_ROOM #hidden does not exist", (await bob.CommandAsync("/who #hidden")).Reply);
        Assert.Equal("ERR NO_SUCH_ROOM #hidden does not exist", (await bob.CommandAsync("/topic #hidden")).Reply);
        Assert.Contains("LIST #hidden 1 ", (await alice.CommandAsync("/rooms")).Before);
    }

    [Fact]
    public async Task Who_lists_members_with_their_roles()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await using var carol = await server.ConnectAsAsync("carol");
        await using var dave = await server.ConnectAsAsync("dave");
        foreach (var member in new[] { alice, dave, carol, bob })
            await member.JoinAsync("#dev");
        Assert.Equal("OK bob has op in #dev", (await alice.CommandAsync("/op #dev bob")).Reply);
        Assert.Equal("OK carol has voice in #dev", (await alice.CommandAsync("/voice #dev carol")).Reply);

        var (reply, lines) = await dave.CommandAsync("/who #dev");

        Assert.Equal("OK 4 members in #dev", reply);
        Assert.Equal("MEMBERS #dev @alice @bob +carol dave", lines.Single(l => l.StartsWith("MEMBERS", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Topic_is_shown_set_and_cleared_and_topic_lock_lets_only_ops_set_it()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.JoinAsync("#dev");
        await bob.JoinAsync("#dev");

        Assert.Equal("OK #dev has no topic", (await bob.CommandAsync("/topic #dev")).Reply);
        Assert.Equal("OK topic of #dev set", (await bob.CommandAsync("/topic #dev bob was here")).Reply);
        await alice.WaitForAsync(l => l == "ROOM #dev bob set the topic: bob was here");
        var (reply, lines) = await alice.CommandAsync("/topic #dev");
        Assert.Equal("OK topic of #dev", reply);
        Assert.Matches("^TOPIC #dev bob \\S+ bob was here$", lines.Last());

        await alice.CommandAsync("/mode #dev +t");
        Assert.Equal("ERR NOT_ROOM_OP you need op rights in #dev for that", (await bob.CommandAsync("/topic #dev again")).Reply);
        Assert.Equal("OK topic of #dev cleared", (await alice.CommandAsync("/topic #dev -")).Reply);
        await bob.WaitForAsync(l => l == "ROOM #dev alice cleared the topic");
    }

    [Fact]
    public async Task History_pages_back_by_message_id()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?>(ParleyTestServer.WithoutFloodControl));
        await using var alice = await server.ConnectAsAsync("alice");
        await alice.JoinAsync("#dev");
        for (var i = 0; i < 30; i++)
            await alice.CommandAsync($"@#dev:m{i}");

        var (reply, latest) = await alice.CommandAsync("/history #dev");
        var oldest = latest.First(l => l.StartsWith("HIST ", StringComparison.Ordinal));
        var id = oldest.Split(' ')[1];
        Assert.Equal($"OK 20 messages in #dev; older: /history #dev 20 {id}", reply);
        Assert.EndsWith("alice -> #dev: m29", latest.Last(l => l.StartsWith("HIST ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith("alice -> #dev: m10", oldest, StringComparison.Ordinal);

        var (pageReply, page) = await alice.CommandAsync($"/history #dev 4 before {id}");
        var (samePageReply, samePage) = await alice.CommandAsync($"/history #dev 4 {id}");

        Assert.StartsWith("OK 4 messages in #dev; older: ", pageReply, StringComparison.Ordinal);
        Assert.Equal(["m6", "m7", "m8", "m9"], page.Where(l => l.StartsWith("HIST ", StringComparison.Ordinal)).Select(l => l[(l.LastIndexOf(": ", StringComparison.Ordinal) + 2)..]));
        Assert.Equal(pageReply, samePageReply);
        Assert.Equal(page, samePage);
        Assert.Equal("ERR SYNTAX usage: /history #<room>|<nick>|* [n] [before-id]", (await alice.CommandAsync("/history #dev 4 after 1")).Reply);
    }

    [Fact]
    public async Task Unregistered_room_vanishes_when_its_last_member_leaves()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.JoinAsync("#dev");
        await alice.CommandAsync("@#dev:remember me");

        await alice.CommandAsync("/part #dev");

        Assert.Equal("OK 0 rooms", (await bob.CommandAsync("/rooms")).Reply);
        var lines = await bob.JoinAsync("#dev");
        Assert.DoesNotContain(lines, l => l.StartsWith("HIST ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/join dev", "ERR INVALID_ROOM a room name is # and 1-50 letters, digits, _, - or .")]
    [InlineData("/join #bad!name", "ERR INVALID_ROOM a room name is # and 1-50 letters, digits, _, - or .")]
    [InlineData("/join", "ERR NEED_MORE_PARAMS usage: /join #<room> [key]")]
    [InlineData("@#nowhere:hi", "ERR NO_SUCH_ROOM #nowhere does not exist")]
    [InlineData("@#dev:", "ERR NEED_MORE_PARAMS usage: /say #<room> <text>  (or @#<room>:<text>)")]
    [InlineData("/say #dev", "ERR NEED_MORE_PARAMS usage: /say #<room> <text>  (or @#<room>:<text>)")]
    [InlineData("/part #dev", "ERR NOT_IN_ROOM you are not in #dev")]
    [InlineData("/history #dev", "ERR NOT_IN_ROOM you are not in #dev")]
    [InlineData("@#dev:hi", "ERR NOT_IN_ROOM you are not in #dev")]
    [InlineData("##dev", "ERR INVALID_NICK a nick is 1-32 letters, digits, _ or -")]
    public async Task Room_command_mistakes_get_a_clear_error(string line, string expected)
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.JoinAsync("#dev");

        Assert.Equal(expected, (await bob.CommandAsync(line)).Reply);
    }

    [Fact]
    public async Task Joining_a_room_twice_is_refused()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await alice.JoinAsync("#dev");

        Assert.Equal("ERR ALREADY_IN_ROOM you are already in #DEV", (await alice.CommandAsync("/join #DEV")).Reply);
    }

    [Fact]
    public async Task Room_commands_before_registration_are_refused()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        Assert.Equal("ERR NOT_REGISTERED register first with #<nick> or /nick <nick>", (await client.CommandAsync("/join #dev")).Reply);
    }
}

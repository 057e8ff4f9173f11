using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

public sealed class RoomModerationTests
{
    [Fact]
    public async Task Kick_by_non_op_is_refused_and_by_op_is_told_to_everyone_including_the_kicked()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await using var carol = await server.ConnectAsAsync("carol");
        foreach (var member in new[] { alice, bob, carol })
            await member.JoinAsync("#dev");

        Assert.Equal("ERR NOT_ROOM_OP you need op rights in #dev for that", (await bob.CommandAsync("/kick #dev carol")).Reply);
        Assert.Equal("ERR NOT_ROOM_OP you need op rights in #dev for that", (await bob.CommandAsync("/kick #dev alice")).Reply);
        Assert.Equal("ERR USER_NOT_IN_ROOM nobody is not in #dev", (await alice.CommandAsync("/kick #dev nobody")).Reply);
        Assert.Equal("OK kicked bob from #dev", (await alice.CommandAsync("/kick #dev bob spamming")).Reply);

        await bob.WaitForAsync(l => l == "ROOM #dev bob was kicked by alice (spamming)");
        await carol.WaitForAsync(l => l == "ROOM #dev bob was kicked by alice (spamming)");
        Assert.Equal("ERR NOT_IN_ROOM you are not in #dev", (await bob.CommandAsync("@#dev:hi")).Reply);
    }

    [Fact]
    public async Task The_one_who_changes_a_room_gets_its_ok_instead_of_the_notice_and_its_other_devices_the_notice()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectNewAccountAsync("alice", "correct-horse");
        await using var phone = await server.ConnectLoggedInAsync("alice", "correct-horse");
        await using var bob = await server.ConnectAsAsync("bob");
        foreach (var member in new[] { alice, phone, bob })
            await member.JoinAsync("#dev");

        var (_, topic) = await alice.CommandAsync("/topic #dev release at noon");
        var (_, mode) = await alice.CommandAsync("/mode #dev +m");
        var (_, voice) = await alice.CommandAsync("/voice #dev bob");
        var (_, ban) = await alice.CommandAsync("/ban #dev spam*");
        var (_, kick) = await alice.CommandAsync("/kick #dev bob");
        var (_, after) = await alice.CommandAsync("/rooms");

        Assert.All(new[] { topic, mode, voice, ban, kick, after }, lines => Assert.DoesNotContain(lines, l => l.StartsWith("ROOM ", StringComparison.Ordinal) && l.Contains("alice", StringComparison.Ordinal)));
        await phone.WaitForAsync(l => l == "ROOM #dev alice set the topic: release at noon");
        await phone.WaitForAsync(l => l == "ROOM #dev bob was kicked by alice");
        await bob.WaitForAsync(l => l == "ROOM #dev alice set mode +m");
    }

    [Fact]
    public async Task Op_can_moderate_until_deopped_and_the_creator_is_an_op_like_any_other()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await using var carol = await server.ConnectAsAsync("carol");
        foreach (var member in new[] { alice, bob, carol })
            await member.JoinAsync("#dev");

        Assert.Equal("ERR NOT_ROOM_OP you need op rights in #dev for that", (await bob.CommandAsync("/op #dev bob")).Reply);
        Assert.Equal("OK bob has op in #dev", (await alice.CommandAsync("/op #dev bob")).Reply);
        await carol.WaitForAsync(l => l == "ROOM #dev alice gave op to bob");
        Assert.Equal("OK #dev modes +nt", (await bob.CommandAsync("/mode #dev +t")).Reply);
        Assert.Equal("OK bob has no op in #dev", (await alice.CommandAsync("/deop #dev bob")).Reply);
        await carol.WaitForAsync(l => l == "ROOM #dev alice took op from bob");
        Assert.Equal("ERR NOT_ROOM_OP you need op rights in #dev for that", (await bob.CommandAsync("/mode #dev -t")).Reply);
        // The creator of an unregistered room is an op, not an owner (IRC's channel creator).
        Assert.Equal("OK carol has op in #dev", (await alice.CommandAsync("/op #dev carol")).Reply);
        Assert.Equal("OK alice has no op in #dev", (await carol.CommandAsync("/deop #dev alice")).Reply);
    }

    [Fact]
    public async Task Banned_user_cannot_join_until_unbanned_and_bans_are_listed()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await using var spammer = await server.ConnectAsAsync("spammer7");
        await alice.JoinAsync("#dev");
        await bob.JoinAsync("#dev");

        Assert.Equal("ERR NOT_ROOM_OP you need op rights in #dev for that", (await bob.CommandAsync("/ban #dev spam*")).Reply);
        Assert.Equal("OK banned spam* from #dev", (await alice.CommandAsync("/ban #dev spam*")).Reply);
        await bob.WaitForAsync(l => l == "ROOM #dev alice banned spam*");
        Assert.Equal("OK banned carol@127.0.0.1 from #dev", (await alice.CommandAsync("/ban #dev carol@127.0.0.1")).Reply);
        Assert.Equal("ERR INVALID_MASK a mask is <nick>, <nick>@<address> or ~<account>, with * and ?; a room has at most so many bans", (await alice.CommandAsync("/ban #dev bad!mask")).Reply);

        Assert.Equal("ERR BANNED you are banned from #dev", (await spammer.CommandAsync("/join #dev")).Reply);
        var (listed, bans) = await bob.CommandAsync("/ban #dev");
        Assert.Equal("OK 2 bans in #dev", listed);
        Assert.Matches("^BAN #dev spam\\* alice \\S+Z$", bans[^2]);

        Assert.Equal("OK unbanned SPAM* from #dev", (await alice.CommandAsync("/unban #dev SPAM*")).Reply);
        await spammer.JoinAsync("#dev");
    }

    [Fact]
    public async Task Banned_member_that_stayed_cannot_speak_unless_voiced()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.JoinAsync("#dev");
        await bob.JoinAsync("#dev");

        await alice.CommandAsync("/ban #dev bob");

        Assert.Equal("ERR CANNOT_SEND you cannot speak in #dev (moderated or banned)", (await bob.CommandAsync("@#dev:still here")).Reply);
    }

    [Fact]
    public async Task Keyed_room_refuses_a_missing_or_wrong_key()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.JoinAsync("#dev");

        Assert.Equal("ERR INVALID_MODE modes are +/- C i k l m n s t; +k needs a key of one word, +l a number of members", (await alice.CommandAsync("/mode #dev +k")).Reply);
        Assert.Equal("OK #dev modes +kn", (await alice.CommandAsync("/mode #dev +k s3cret")).Reply);

        Assert.Equal("ERR BAD_KEY #dev needs its key: /join #dev <key>", (await bob.CommandAsync("/join #dev")).Reply);
        Assert.Equal("ERR BAD_KEY #dev needs its key: /join #dev <key>", (await bob.CommandAsync("/join #dev wrong")).Reply);
        await bob.JoinAsync("#dev", "s3cret");
        Assert.Equal("OK #dev modes +n", (await alice.CommandAsync("/mode #dev -k")).Reply);
    }

    [Fact]
    public async Task Invite_only_room_refuses_without_invite_and_an_invite_lets_one_in()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await using var carol = await server.ConnectAsAsync("carol");
        await alice.JoinAsync("#dev");
        await carol.JoinAsync("#dev");
        Assert.Equal("OK #dev modes +in", (await alice.CommandAsync("/mode #dev +i")).Reply);
        await carol.WaitForAsync(l => l == "ROOM #dev alice set mode +i");

        Assert.Equal("ERR INVITE_ONLY #dev is invite-only; ask an op for /invite", (await bob.CommandAsync("/join #dev")).Reply);
        Assert.Equal("ERR NOT_ROOM_OP you need op rights in #dev for that", (await carol.CommandAsync("/invite bob #dev")).Reply);
        Assert.Equal("ERR NO_SUCH_NICK nobody is not online", (await alice.CommandAsync("/invite nobody #dev")).Reply);
        Assert.Equal("ERR ALREADY_IN_ROOM carol is already in #dev", (await alice.CommandAsync("/invite carol #dev")).Reply);
        Assert.Equal("OK invited bob to #dev", (await alice.CommandAsync("/invite BOB #dev")).Reply);

        await bob.WaitForAsync(l => l == "ROOM #dev alice invited you; /join #dev");
        await bob.JoinAsync("#dev");
    }

    [Fact]
    public async Task Moderated_room_lets_only_voiced_members_and_ops_speak()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.JoinAsync("#dev");
        await bob.JoinAsync("#dev");
        await alice.CommandAsync("/mode #dev +m");

        Assert.Equal("ERR CANNOT_SEND you cannot speak in #dev (moderated or banned)", (await bob.CommandAsync("@#dev:may I?")).Reply);
        Assert.Equal("OK sent to 1 member of #dev", (await alice.CommandAsync("@#dev:ops may")).Reply);
        Assert.Equal("OK bob has voice in #dev", (await alice.CommandAsync("/voice #dev bob")).Reply);
        Assert.Equal("OK sent to 1 member of #dev", (await bob.CommandAsync("@#dev:now I may")).Reply);
        await alice.CommandAsync("/devoice #dev bob");
        Assert.Equal("ERR CANNOT_SEND you cannot speak in #dev (moderated or banned)", (await bob.CommandAsync("@#dev:and now?")).Reply);
    }

    [Theory]
    [InlineData("/mode #dev +x", "ERR INVALID_MODE modes are +/- C i k l m n s t; +k needs a key of one word, +l a number of members")]
    [InlineData("/mode #dev it", "ERR INVALID_MODE modes are +/- C i k l m n s t; +k needs a key of one word, +l a number of members")]
    [InlineData("/mode #dev +imst", "OK #dev modes +imnst")]
    [InlineData("/mode #dev +it-t", "OK #dev modes +in")]
    [InlineData("/mode #dev", "OK #dev modes +n")]
    public async Task Mode_changes_are_parsed_and_applied(string line, string expected)
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await alice.JoinAsync("#dev");

        Assert.Equal(expected, (await alice.CommandAsync(line)).Reply);
    }

    [Fact]
    public async Task Limits_on_rooms_per_user_and_members_per_room_are_enforced()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Parley:Limits:MaxRoomsPerUser"] = "2",
            ["Parley:Limits:MaxMembersPerRoom"] = "2",
        });
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await using var carol = await server.ConnectAsAsync("carol");
        await alice.JoinAsync("#a");
        await alice.JoinAsync("#b");

        Assert.Equal("ERR TOO_MANY_ROOMS you are in the most rooms allowed; /part one first", (await alice.CommandAsync("/join #c")).Reply);
        await bob.JoinAsync("#a");
        Assert.Equal("ERR ROOM_FULL #a is full", (await carol.CommandAsync("/join #a")).Reply);
    }
    // The room's +l is one mode for both protocols: set from the line protocol, it refuses joins.
    [Fact]
    public async Task Limit_and_no_ctcp_modes_are_set_from_the_line_protocol_and_refuse_a_join_past_the_limit()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.JoinAsync("#dev");

        Assert.Equal("ERR INVALID_MODE modes are +/- C i k l m n s t; +k needs a key of one word, +l a number of members", (await alice.CommandAsync("/mode #dev +l none")).Reply);
        Assert.Equal("OK #dev modes +Cln", (await alice.CommandAsync("/mode #dev +Cl 1")).Reply);
        Assert.Equal("ERR ROOM_FULL #dev is full", (await bob.CommandAsync("/join #dev")).Reply);
        Assert.Equal("OK #dev modes +Cn", (await alice.CommandAsync("/mode #dev -l")).Reply);
        Assert.StartsWith("OK joined #dev", (await bob.CommandAsync("/join #dev")).Reply, StringComparison.Ordinal);
    }
}

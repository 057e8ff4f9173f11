using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>Channel MODE, KICK, INVITE, bans, and their refusals.</summary>
public sealed class IrcChannelModerationTests
{
    private static async Task<(IrcTestClient Alice, IrcTestClient Bob)> TwoInChannelAsync(ParleyTestServer server, string channel = "#dev")
    {
        var alice = await server.ConnectIrcAsAsync("alice");
        var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN " + channel);
        await alice.DrainAsync();
        await bob.SendAsync("JOIN " + channel);
        await alice.WaitForAsync(l => l == $":bob!u@parley JOIN {channel}");
        await bob.DrainAsync();
        return (alice, bob);
    }

    [Fact]
    public async Task Mode_query_gives_324_with_the_key_for_members_and_329()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob) = await TwoInChannelAsync(server);
        await using var _ = alice;
        await using var __ = bob;
        await using var carol = await server.ConnectIrcAsAsync("carol");

        // +n is on already (new channels), so only +kt changes.
        await alice.SendAsync("MODE #dev +ntk sesame");
        await alice.ExpectAsync(":alice!u@parley MODE #dev +kt sesame");
        await bob.ExpectAsync(":alice!u@parley MODE #dev +kt sesame");
        await bob.SendAsync("MODE #dev");
        await bob.ExpectAsync(":parley 324 bob #dev +knt sesame");
        Assert.Matches(@"^:parley 329 bob #dev \d+$", await bob.ReadLineAsync());
        await carol.SendAsync("MODE #dev");
        await carol.ExpectAsync(":parley 324 carol #dev +knt");
    }

    [Fact]
    public async Task Mode_change_by_a_non_op_gets_482()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob) = await TwoInChannelAsync(server);
        await using var _ = alice;
        await using var __ = bob;

        await bob.SendAsync("MODE #dev +m");
        await bob.SendAsync("MODE #dev +o bob");

        Assert.Equal(
            [":parley 482 bob #dev :You're not channel operator", ":parley 482 bob #dev :You're not channel operator"],
            await bob.DrainAsync());
    }

    [Fact]
    public async Task Op_and_voice_changes_are_seen_by_members_and_a_nick_not_on_the_channel_gets_441()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob) = await TwoInChannelAsync(server);
        await using var _ = alice;
        await using var __ = bob;

        await alice.SendAsync("MODE #dev +o-o+v bob bob bob");
        await bob.ExpectAsync(":alice!u@parley MODE #dev +o bob", ":alice!u@parley MODE #dev -o bob", ":alice!u@parley MODE #dev +v bob");
        await alice.DrainAsync();
        await using var carol = await server.ConnectIrcAsAsync("carol");
        await alice.SendAsync("MODE #dev +o carol");
        await alice.ExpectAsync(":parley 441 alice carol #dev :They aren't on that channel");
    }

    [Fact]
    public async Task Moderated_channel_refuses_a_member_without_voice_with_404_and_accepts_after_voice()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob) = await TwoInChannelAsync(server);
        await using var _ = alice;
        await using var __ = bob;
        await alice.SendAsync("MODE #dev +m");
        await bob.ExpectAsync(":alice!u@parley MODE #dev +m");

        await bob.SendAsync("PRIVMSG #dev :can I talk?");
        await bob.ExpectAsync(":parley 404 bob #dev :Cannot send to channel");
        await alice.SendAsync("MODE #dev +v bob");
        await bob.ExpectAsync(":alice!u@parley MODE #dev +v bob");
        await bob.SendAsync("PRIVMSG #dev :now I can");

        await alice.WaitForAsync(l => l == ":bob!u@parley PRIVMSG #dev :now I can");
    }

    [Fact]
    public async Task Ban_list_add_and_remove_and_a_banned_join_gets_474()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();

        await alice.SendAsync("MODE #dev +b bob!*@*");
        await alice.ExpectAsync(":alice!u@parley MODE #dev +b bob!*@*");
        await alice.SendAsync("MODE #dev +b");
        Assert.Matches(@"^:parley 367 alice #dev bob!\*@\* alice \d+$", await alice.ReadLineAsync());
        await alice.ExpectAsync(":parley 368 alice #dev :End of channel ban list");
        await bob.SendAsync("JOIN #dev");
        await bob.ExpectAsync(":parley 474 bob #dev :Cannot join channel (+b)");

        await alice.SendAsync("MODE #dev -b bob!*@*");
        await alice.ExpectAsync(":alice!u@parley MODE #dev -b bob!*@*");
        await bob.SendAsync("JOIN #dev");
        await bob.ExpectAsync(":bob!u@parley JOIN #dev");
    }

    [Fact]
    public async Task Kick_by_an_op_is_seen_by_all_members_and_the_kicked_one()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob) = await TwoInChannelAsync(server);
        await using var _ = alice;
        await using var __ = bob;

        await alice.SendAsync("KICK #dev bob :behave");

        await alice.ExpectAsync(":alice!u@parley KICK #dev bob behave");
        await bob.ExpectAsync(":alice!u@parley KICK #dev bob behave");
        await bob.SendAsync("PRIVMSG #dev :still here?");
        await bob.ExpectAsync(":parley 404 bob #dev :Cannot send to channel");
    }

    [Fact]
    public async Task Kick_refusals_give_482_441_and_442()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob) = await TwoInChannelAsync(server);
        await using var _ = alice;
        await using var __ = bob;
        await using var carol = await server.ConnectIrcAsAsync("carol");

        await bob.SendAsync("KICK #dev alice");
        await bob.ExpectAsync(":parley 482 bob #dev :You're not channel operator");
        await alice.SendAsync("KICK #dev carol");
        await alice.ExpectAsync(":parley 441 alice carol #dev :They aren't on that channel");
        await carol.SendAsync("KICK #dev bob");
        await carol.ExpectAsync(":parley 442 carol #dev :You're not on that channel");
    }

    [Fact]
    public async Task Invite_only_channel_refuses_with_473_until_an_op_invites()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob) = await TwoInChannelAsync(server);
        await using var _ = alice;
        await using var __ = bob;
        await using var carol = await server.ConnectIrcAsAsync("carol");
        await alice.SendAsync("MODE #dev +i");
        await bob.ExpectAsync(":alice!u@parley MODE #dev +i");
        await alice.DrainAsync();

        await carol.SendAsync("JOIN #dev");
        await carol.ExpectAsync(":parley 473 carol #dev :Cannot join channel (+i)");
        await bob.SendAsync("INVITE carol #dev");
        await bob.ExpectAsync(":parley 482 bob #dev :You're not channel operator");
        await alice.SendAsync("INVITE carol #dev");
        await alice.ExpectAsync(":parley 341 alice carol #dev");
        await carol.ExpectAsync(":alice!u@parley INVITE carol #dev");
        await carol.SendAsync("JOIN #dev");
        await carol.ExpectAsync(":carol!u@parley JOIN #dev");
    }

    [Fact]
    public async Task Invite_refusals_give_401_and_443()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob) = await TwoInChannelAsync(server);
        await using var _ = alice;
        await using var __ = bob;

        await alice.SendAsync("INVITE nobody #dev");
        await alice.ExpectAsync(":parley 401 alice nobody :No such nick/channel");
        await alice.SendAsync("INVITE bob #dev");
        await alice.ExpectAsync(":parley 443 alice bob #dev :is already on channel");
    }

    [Fact]
    public async Task Key_removal_bad_key_and_owner_mode_get_their_replies()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob) = await TwoInChannelAsync(server);
        await using var _ = alice;
        await using var __ = bob;

        await alice.SendAsync("MODE #dev +k sesame");
        await bob.ExpectAsync(":alice!u@parley MODE #dev +k sesame");
        await alice.SendAsync("MODE #dev -k *");
        await bob.ExpectAsync(":alice!u@parley MODE #dev -k");
        await alice.DrainAsync();
        await alice.SendAsync("MODE #dev +k " + new string('k', 51));
        await alice.ExpectAsync(":parley 525 alice #dev :Key is not well-formed");
        await alice.SendAsync("MODE #dev +q bob");
        await alice.ExpectAsync(":parley 482 alice #dev :You're not channel operator");
    }

    [Fact]
    public async Task Names_of_a_large_channel_is_split_into_lines_of_at_most_512_bytes()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var members = new List<IrcTestClient>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var member = await server.ConnectIrcAsAsync($"member-with-a-long-nick-{i:D2}");
                await member.SendAsync("JOIN #big");
                await member.DrainAsync();
                members.Add(member);
            }

            await members[0].SendAsync("NAMES #big");
            var (end, names) = await members[0].WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));

            names = [.. names.Where(l => IrcTestClient.IsNumeric(l, "353"))];
            Assert.True(names.Count > 1);
            Assert.All(names, l => Assert.True(System.Text.Encoding.UTF8.GetByteCount(l) + 2 <= 512));
            Assert.Equal(20, names.Sum(l => l[(l.IndexOf(" :", StringComparison.Ordinal) + 2)..].Split(' ').Length));
            Assert.Equal(":parley 366 member-with-a-long-nick-00 #big :End of /NAMES list", end);
        }
        finally
        {
            foreach (var member in members)
                await member.DisposeAsync();
        }
    }
}

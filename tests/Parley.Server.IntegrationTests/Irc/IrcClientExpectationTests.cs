using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// Behaviour real clients rely on, each checked against the section of the specification it comes
/// from (modern.ircdocs.horse, RFC 2812, ircv3.net).
/// </summary>
public sealed class IrcClientExpectationTests
{
    private const string Password = "correct-horse";

    // modern.ircdocs.horse, "Message Format": a line is at most 512 bytes with CR LF. A message
    // that fits with the sender's prefix is relayed as one line, whole.
    [Fact]
    public async Task Privmsg_whose_relayed_line_fits_512_bytes_arrives_as_one_line()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        // ":alice!u@parley PRIVMSG bob :" is 29 bytes; 29 + 481 + CR LF = 512.
        var text = new string('x', 240) + " " + new string('y', 240);

        await alice.SendAsync("PRIVMSG bob :" + text);

        await bob.ExpectAsync(":alice!u@parley PRIVMSG bob :" + text);
        Assert.Empty(await bob.DrainAsync());
        Assert.Empty(await alice.DrainAsync());
    }

    // modern.ircdocs.horse, ERR_INPUTTOOLONG (417): a message that would not fit the recipient's
    // line is refused, not split into lines the recipient cannot tell apart.
    [Fact]
    public async Task Privmsg_too_long_to_relay_gets_417_and_nothing_is_delivered()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #dev");
        await bob.DrainAsync();
        await alice.DrainAsync();

        await alice.SendAsync("PRIVMSG bob :" + new string('x', 482));
        await alice.SendAsync("PRIVMSG #dev :" + new string('x', 490));

        Assert.Equal([":parley 417 alice :Input line was too long", ":parley 417 alice :Input line was too long"], await alice.DrainAsync());
        Assert.Empty(await bob.DrainAsync());
    }

    // RFC 2812 §3.3.2: NOTICE never gets an error reply, so a NOTICE too long to relay is cut to fit.
    [Fact]
    public async Task Notice_too_long_to_relay_is_cut_to_one_line()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");

        await alice.SendAsync("NOTICE bob :" + new string('x', 490));

        await bob.ExpectAsync(":alice!u@parley NOTICE bob " + new string('x', 482));
        Assert.Empty(await bob.DrainAsync());
        Assert.Empty(await alice.DrainAsync());
    }

    // modern.ircdocs.horse, WHO: a mask matches nicks (and user, host, real name); a +i user is
    // listed only to users sharing a channel with it.
    [Fact]
    public async Task Who_with_a_mask_matches_nicks_and_hides_invisible_users_sharing_no_channel()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var coolnick = await server.ConnectIrcAsAsync("coolnick");
        await using var coolnix = await server.ConnectIrcAsAsync("coolnix");
        await coolnix.SendAsync("MODE coolnix +i");
        await coolnix.ExpectAsync(":coolnix!u@parley MODE coolnix +i");

        await alice.SendAsync("WHO coolni*");
        Assert.Equal(
            [":parley 352 alice * u parley parley coolnick H :0 Real Name", ":parley 315 alice coolni* :End of WHO list"],
            await alice.DrainAsync());

        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await coolnix.SendAsync("JOIN #dev");
        await alice.WaitForAsync(l => l == ":coolnix!u@parley JOIN #dev");
        await alice.SendAsync("WHO coolni*");
        var lines = await alice.DrainAsync();
        Assert.Equal(3, lines.Count);
        Assert.Contains(":parley 352 alice * u parley parley coolnix H :0 Real Name", lines);
        await alice.SendAsync("WHO *");
        Assert.Equal(4, (await alice.DrainAsync()).Count);
    }

    // modern.ircdocs.horse, WHO: a mask is matched against the nick, and also the user name, host,
    // real name (and nick!user@host); a mask without wildcards is a nick.
    [Fact]
    public async Task Who_with_a_mask_matches_user_name_real_name_and_the_full_mask()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsync();
        await bob.RegisterAsync("bob", user: "builder", realName: "Bob the Builder");
        const string BobLine = ":parley 352 alice * builder parley parley bob H :0 Bob the Builder";

        await alice.SendAsync("WHO build*");
        Assert.Equal([BobLine, ":parley 315 alice build* :End of WHO list"], await alice.DrainAsync());
        await alice.SendAsync("WHO *the?Builder");
        Assert.Equal([BobLine, ":parley 315 alice *the?Builder :End of WHO list"], await alice.DrainAsync());
        await alice.SendAsync("WHO b*!builder@parley");
        Assert.Equal([BobLine, ":parley 315 alice b*!builder@parley :End of WHO list"], await alice.DrainAsync());
        await alice.SendAsync("WHO builder");
        Assert.Equal([":parley 315 alice builder :End of WHO list"], await alice.DrainAsync());
    }

    // modern.ircdocs.horse, KICK: without a comment, the default is the kicker's nick.
    [Fact]
    public async Task Kick_without_a_reason_uses_the_kickers_nick()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #dev");
        await bob.DrainAsync();

        await alice.SendAsync("KICK #dev bob");

        await bob.ExpectAsync(":alice!u@parley KICK #dev bob alice");
    }

    // RFC 2812 §3.2.8: "KICK #a,#b u1,u2" kicks u1 from #a and u2 from #b.
    [Fact]
    public async Task Kick_pairs_each_channel_with_its_user()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await using var carol = await server.ConnectIrcAsAsync("carol");
        await alice.SendAsync("JOIN #a,#b");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #a,#b");
        await bob.DrainAsync();
        await carol.SendAsync("JOIN #a,#b");
        await carol.DrainAsync();
        await alice.DrainAsync();

        await alice.SendAsync("KICK #a,#b bob,carol :out");

        await alice.ExpectAsync(":alice!u@parley KICK #a bob out", ":alice!u@parley KICK #b carol out");
        await alice.SendAsync("KICK #a,#b bob");
        await alice.ExpectAsync(":parley 461 alice KICK :Not enough parameters");
    }

    // IRCv3 labeled-response: a labeled message to oneself comes back once, with the label.
    [Fact]
    public async Task Labeled_privmsg_to_oneself_comes_back_as_one_labeled_copy()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await alice.SendAsync("CAP REQ :labeled-response batch");
        await alice.DrainAsync();

        await alice.SendAsync("@label=s1 PRIVMSG alice :note");

        Assert.Equal(["@label=s1 :alice!u@parley PRIVMSG alice note"], await alice.DrainAsync());
    }

    // IRCv3 labeled-response and modern.ircdocs.horse ERR_UNKNOWNCOMMAND (421): any unknown
    // command, whatever its spelling, gets a labeled 421.
    [Theory]
    [InlineData("FOO_BAR")]
    [InlineData("FOOBAR")]
    [InlineData("foo-bar")]
    public async Task Unknown_command_of_any_spelling_gets_a_labeled_421(string verb)
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await alice.SendAsync("CAP REQ :labeled-response batch");
        await alice.DrainAsync();

        await alice.SendAsync($"@label=u1 {verb} x");

        Assert.Equal([$"@label=u1 :parley 421 alice {verb.ToUpperInvariant()} :Unknown command"], await alice.DrainAsync());
    }

    // modern.ircdocs.horse, USER: an empty <realname> is ERR_NEEDMOREPARAMS (461).
    [Fact]
    public async Task User_with_an_empty_real_name_gets_461()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsync();

        await irc.SendAsync("NICK alice");
        await irc.SendAsync("USER u 0 * :");

        await irc.ExpectAsync(":parley 461 * USER :Not enough parameters");
    }

    // IRCv3 away-notify: "when a user joins a channel while away", members with away-notify get its AWAY.
    [Fact]
    public async Task Away_user_joining_is_followed_by_its_away_for_members_with_away_notify()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var carol = await server.ConnectIrcAsAsync("carol");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("CAP REQ :away-notify");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await carol.SendAsync("JOIN #dev");
        await carol.DrainAsync();
        await alice.DrainAsync();
        await bob.SendAsync("AWAY :lunch");
        await bob.DrainAsync();

        await bob.SendAsync("JOIN #dev");

        await alice.ExpectAsync(":bob!u@parley JOIN #dev", ":bob!u@parley AWAY lunch");
        await carol.ExpectAsync(":bob!u@parley JOIN #dev");
        Assert.Empty(await carol.DrainAsync());
    }

    // IRCv3 account-tag: "any message sent by a logged-in user" carries account; an INVITE too.
    [Fact]
    public async Task Invite_carries_the_inviters_account_tag()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        await using var alice = await server.ConnectIrcAsync();
        await alice.SendAsync("PASS " + Password);
        await alice.RegisterAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await bob.SendAsync("CAP REQ :account-tag");
        await bob.DrainAsync();
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();

        await alice.SendAsync("INVITE bob #dev");

        await bob.ExpectAsync("@account=alice :alice!u@parley INVITE bob #dev");
    }

    // modern.ircdocs.horse, LUSERS: RPL_LOCALUSERS (265) and RPL_GLOBALUSERS (266) follow 251-255.
    [Fact]
    public async Task Lusers_includes_265_and_266_with_the_most_users_seen()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #dev");
        await alice.WaitForAsync(l => l == ":bob!u@parley JOIN #dev");
        await bob.SendAsync("QUIT");
        await alice.WaitForAsync(l => l.StartsWith(":bob!u@parley QUIT", StringComparison.Ordinal));

        await alice.SendAsync("LUSERS");

        var lines = await alice.DrainAsync();
        Assert.Equal(":parley 265 alice 1 2 :Current local users 1, max 2", lines[^2]);
        Assert.Equal(":parley 266 alice 1 2 :Current global users 1, max 2", lines[^1]);
    }
}

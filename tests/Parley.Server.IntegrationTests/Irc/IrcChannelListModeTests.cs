using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// Channel modes +l, +C and the lists +b, +e, +I with extbans (modern.ircdocs.horse, "Channel
/// Modes": Client Limit, Ban, Exception, Invite-Exception; ISUPPORT EXCEPTS, INVEX, EXTBAN).
/// </summary>
public sealed class IrcChannelListModeTests
{
    private const string Password = "correct-horse";

    private static async Task<(IrcTestClient Alice, IrcTestClient Bob)> TwoInChannelAsync(ParleyTestServer server)
    {
        var alice = await server.ConnectIrcAsAsync("alice");
        var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #dev");
        await alice.WaitForAsync(l => l == ":bob!u@parley JOIN #dev");
        await bob.DrainAsync();
        return (alice, bob);
    }

    // modern.ircdocs.horse, "Client Limit Channel Mode" (+l): ERR_CHANNELISFULL (471) past it;
    // ERR_INVALIDMODEPARAM (696) for a value that is not a positive number.
    [Fact]
    public async Task Limit_is_shown_in_324_refuses_joins_past_it_with_471_and_bad_values_get_696()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob) = await TwoInChannelAsync(server);
        await using var _ = alice;
        await using var __ = bob;
        await using var carol = await server.ConnectIrcAsAsync("carol");

        await alice.SendAsync("MODE #dev +l abc");
        await alice.ExpectAsync(":parley 696 alice #dev l abc :Invalid limit: a number from 1 to 100000");
        await alice.SendAsync("MODE #dev +l 2");
        await alice.ExpectAsync(":alice!u@parley MODE #dev +l 2");
        await alice.SendAsync("MODE #dev");
        await alice.ExpectAsync(":parley 324 alice #dev +ln 2");
        await carol.SendAsync("JOIN #dev");
        await carol.ExpectAsync(":parley 471 carol #dev :Cannot join channel (+l)");

        await alice.DrainAsync();
        await alice.SendAsync("MODE #dev -l");
        await alice.ExpectAsync(":alice!u@parley MODE #dev -l");
        await carol.SendAsync("JOIN #dev");
        await carol.WaitForAsync(l => l == ":carol!u@parley JOIN #dev");
    }

    // modern.ircdocs.horse, "Exception Channel Mode" (+e, 348/349) and "Ban Channel Mode" (+b):
    // an exception lets a banned user join.
    [Fact]
    public async Task Ban_exception_lets_a_banned_user_join_and_is_listed_with_348_and_349()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await alice.SendAsync("MODE #dev +b b*!*@*");
        await alice.ExpectAsync(":alice!u@parley MODE #dev +b b*!*@*");
        await bob.SendAsync("JOIN #dev");
        await bob.ExpectAsync(":parley 474 bob #dev :Cannot join channel (+b)");

        await alice.SendAsync("MODE #dev +e bob!*@*");
        await alice.ExpectAsync(":alice!u@parley MODE #dev +e bob!*@*");
        await alice.SendAsync("MODE #dev e");
        Assert.Matches(@"^:parley 348 alice #dev bob!\*@\* alice \d+$", await alice.ReadLineAsync());
        await alice.ExpectAsync(":parley 349 alice #dev :End of channel exception list");
        await bob.SendAsync("JOIN #dev");
        await bob.WaitForAsync(l => l == ":bob!u@parley JOIN #dev");
    }

    // modern.ircdocs.horse, "Invite-Exception Channel Mode" (+I, 346/347): a match joins +i without an invite.
    [Fact]
    public async Task Invite_exception_lets_a_user_into_an_invite_only_channel_and_is_listed_with_346_and_347()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await alice.SendAsync("MODE #dev +i");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #dev");
        await bob.ExpectAsync(":parley 473 bob #dev :Cannot join channel (+i)");

        await alice.SendAsync("MODE #dev +I bob!*@*");
        await alice.ExpectAsync(":alice!u@parley MODE #dev +I bob!*@*");
        await alice.SendAsync("MODE #dev +I");
        Assert.Matches(@"^:parley 346 alice #dev bob!\*@\* alice \d+$", await alice.ReadLineAsync());
        await alice.ExpectAsync(":parley 347 alice #dev :End of channel invite list");
        await bob.SendAsync("JOIN #dev");
        await bob.WaitForAsync(l => l == ":bob!u@parley JOIN #dev");
    }

    // ISUPPORT EXTBAN=~,am (modern.ircdocs.horse, "EXTBAN"): ~m: mutes (join, not speak), shown in +b.
    [Fact]
    public async Task Mute_extban_lets_the_user_stay_but_not_speak_and_is_listed_as_a_ban()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob) = await TwoInChannelAsync(server);
        await using var _ = alice;
        await using var __ = bob;

        await alice.SendAsync("MODE #dev +b ~m:bob!*@*");
        await bob.ExpectAsync(":alice!u@parley MODE #dev +b ~m:bob!*@*");
        await bob.SendAsync("PRIVMSG #dev :can I talk?");
        await bob.ExpectAsync(":parley 404 bob #dev :Cannot send to channel");
        await alice.DrainAsync();
        await alice.SendAsync("MODE #dev +b");
        Assert.Matches(@"^:parley 367 alice #dev ~m:bob!\*@\* alice \d+$", await alice.ReadLineAsync());
        await alice.ExpectAsync(":parley 368 alice #dev :End of channel ban list");
        await alice.SendAsync("MODE #dev -b ~m:bob!*@*");
        await bob.ExpectAsync(":alice!u@parley MODE #dev -b ~m:bob!*@*");
        await bob.SendAsync("PRIVMSG #dev :now?");
        await alice.WaitForAsync(l => l == ":bob!u@parley PRIVMSG #dev now?");
    }

    // EXTBAN a: a ban by account matches the login, not the nick.
    [Fact]
    public async Task Account_extban_keeps_out_the_logged_in_account()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await (await server.ConnectNewAccountAsync("mallory", Password)).DisposeAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await alice.SendAsync("MODE #dev +b ~a:mallory");
        await alice.ExpectAsync(":alice!u@parley MODE #dev +b ~a:mallory");
        await using var mallory = await server.ConnectIrcAsync();
        await mallory.SendAsync("PASS " + Password);
        await mallory.RegisterAsync("mallory");

        await mallory.SendAsync("JOIN #dev");

        await mallory.ExpectAsync(":parley 474 mallory #dev :Cannot join channel (+b)");
    }

    // InspIRCd's +C (no CTCP): CTCPs but ACTION are refused with 404.
    [Fact]
    public async Task No_ctcp_mode_refuses_ctcp_but_not_action()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob) = await TwoInChannelAsync(server);
        await using var _ = alice;
        await using var __ = bob;
        await alice.SendAsync("MODE #dev +C");
        await bob.ExpectAsync(":alice!u@parley MODE #dev +C");

        await bob.SendAsync("PRIVMSG #dev :\x01VERSION\x01");
        await bob.ExpectAsync(":parley 404 bob #dev :Cannot send to channel");
        await bob.SendAsync("PRIVMSG #dev :\x01ACTION waves\x01");
        await alice.WaitForAsync(l => l == ":bob!u@parley PRIVMSG #dev :\x01ACTION waves\x01");
    }
}

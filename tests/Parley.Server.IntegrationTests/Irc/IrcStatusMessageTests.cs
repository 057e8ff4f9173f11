using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// STATUSMSG (modern.ircdocs.horse, "STATUSMSG Parameter" and PRIVMSG): ISUPPORT <c>STATUSMSG=~@+</c>
/// (the prefixes of PREFIX), and <c>PRIVMSG @#chan :text</c> delivered only to members with that
/// status or higher, with the prefixed target.
/// </summary>
public sealed class IrcStatusMessageTests
{
    [Fact]
    public async Task Isupport_advertises_the_prefixes_of_PREFIX()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsync();

        var burst = await irc.RegisterAsync("alice");

        Assert.Contains(burst, l => IrcTestClient.IsNumeric(l, "005") && l.Contains(" STATUSMSG=~@+ ", StringComparison.Ordinal));
    }

    // PRIVMSG: "the message will only be delivered to members of the channel with the given or
    // higher status in the channel"; voice reaches +v and @, @ only ops.
    [Fact]
    public async Task Privmsg_to_at_channel_reaches_ops_only_and_plus_channel_voiced_and_ops()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var op = await server.ConnectIrcAsAsync("alice");
        await using var voiced = await server.ConnectIrcAsAsync("bob");
        await using var member = await server.ConnectIrcAsAsync("carol");
        await op.SendAsync("JOIN #dev");
        await op.DrainAsync();
        await voiced.SendAsync("JOIN #dev");
        await member.SendAsync("JOIN #dev");
        await voiced.DrainAsync();
        await member.DrainAsync();
        await op.SendAsync("MODE #dev +v bob");
        await op.DrainAsync();
        await voiced.DrainAsync();
        await member.DrainAsync();

        await member.SendAsync("PRIVMSG @#dev :ops, help");
        await op.ExpectAsync(":carol!u@parley PRIVMSG @#dev :ops, help");
        await member.SendAsync("NOTICE +#dev :voices too");
        await op.ExpectAsync(":carol!u@parley NOTICE +#dev :voices too");

        // bob (voiced) got only the + one; carol (no status) neither.
        Assert.Equal([":carol!u@parley NOTICE +#dev :voices too"], await voiced.DrainAsync());
        Assert.Empty(await member.DrainAsync());
    }

    // Sending is checked as for the channel itself (404 for an outsider in a +n channel); the
    // sender's echo (echo-message) keeps the prefixed target.
    [Fact]
    public async Task Statusmsg_is_checked_like_the_channel_and_echoed_with_its_prefix()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var op = await server.ConnectIrcAsAsync("alice");
        await using var outsider = await server.ConnectIrcAsAsync("dave");
        await using var echoing = await IrcMessageTagTests.ConnectWithCapsAsync(server, "erin", "echo-message");
        await op.SendAsync("JOIN #dev");
        await op.DrainAsync();
        await echoing.SendAsync("JOIN #dev");
        await echoing.DrainAsync();
        await op.DrainAsync();

        await outsider.SendAsync("PRIVMSG @#dev :let me in");
        await outsider.ExpectAsync(":parley 404 dave #dev :Cannot send to channel");
        await echoing.SendAsync("PRIVMSG @#dev :psst psst");
        await echoing.ExpectAsync(":erin!u@parley PRIVMSG @#dev :psst psst");
        await op.ExpectAsync(":erin!u@parley PRIVMSG @#dev :psst psst");
    }
}

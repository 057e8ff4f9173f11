using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// IRCv3 bot mode (ircv3.net/specs/extensions/bot-mode): ISUPPORT <c>BOT=B</c>, user mode <c>+B</c>,
/// <c>335 RPL_WHOISBOT</c>, the <c>B</c> WHO flag and the <c>bot</c> tag on the bot's messages.
/// </summary>
public sealed class IrcBotModeTests
{
    // bot-mode, "The BOT ISUPPORT token": its value is the mode letter; 004 lists it among the user modes.
    [Fact]
    public async Task Isupport_advertises_BOT_B_and_004_lists_the_mode()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsync();

        var burst = await irc.RegisterAsync("alice");

        Assert.Contains(burst, l => IrcTestClient.IsNumeric(l, "005") && l.Contains(" BOT=B ", StringComparison.Ordinal));
        Assert.Contains(":parley 004 alice parley parley-0.1.0 Biow CIbeiklmnoqstv Ibekloqv", burst);
    }

    // bot-mode: the client sets the mode itself (MODE nick +B); 221 shows it; -B removes it.
    [Fact]
    public async Task Mode_plus_B_marks_the_user_a_bot_and_minus_B_clears_it()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var bot = await server.ConnectIrcAsAsync("robo");

        await bot.SendAsync("MODE robo +B");
        await bot.ExpectAsync(":robo!u@parley MODE robo +B");
        await bot.SendAsync("MODE robo");
        await bot.ExpectAsync(":parley 221 robo +B");
        await bot.SendAsync("MODE robo -B");
        await bot.ExpectAsync(":robo!u@parley MODE robo -B");
        await bot.SendAsync("MODE robo");
        await bot.ExpectAsync(":parley 221 robo +");
    }

    // bot-mode, "The RPL_WHOISBOT (335) numeric" and "The B WHO flag".
    [Fact]
    public async Task Whois_has_335_and_who_has_the_B_flag_for_a_bot_only()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var bot = await server.ConnectIrcAsAsync("robo");
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await bot.SendAsync("MODE robo +B");
        await bot.DrainAsync();

        await alice.SendAsync("WHOIS robo");
        var (_, whois) = await alice.WaitForAsync(l => IrcTestClient.IsNumeric(l, "318"));
        Assert.Contains(":parley 335 alice robo :is a bot on Parley", whois);
        await alice.SendAsync("WHO robo");
        await alice.ExpectAsync(":parley 352 alice * u parley parley robo HB :0 Real Name", ":parley 315 alice robo :End of WHO list");
        await alice.SendAsync("WHOIS alice");
        (_, whois) = await alice.WaitForAsync(l => IrcTestClient.IsNumeric(l, "318"));
        Assert.DoesNotContain(whois, l => IrcTestClient.IsNumeric(l, "335"));
        await alice.SendAsync("WHO alice");
        await alice.ExpectAsync(":parley 352 alice * u parley parley alice H :0 Real Name", ":parley 315 alice alice :End of WHO list");
    }

    // bot-mode, "The bot message tag": on the bot's PRIVMSG (to a nick and a channel) and TAGMSG,
    // for clients with message-tags; others get the line without tags.
    [Fact]
    public async Task A_bots_messages_carry_the_bot_tag_for_message_tags_clients()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var bot = await server.ConnectIrcAsAsync("robo");
        await using var alice = await IrcMessageTagTests.ConnectWithCapsAsync(server, "alice", "message-tags");
        await using var plain = await server.ConnectIrcAsAsync("dave");
        await bot.SendAsync("MODE robo +B");
        await bot.SendAsync("JOIN #dev");
        await bot.DrainAsync();
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await bot.DrainAsync();

        await bot.SendAsync("PRIVMSG alice,dave :beep beep");
        Assert.Matches(@"^@time=[^;]+;msgid=\d+;bot :robo!u@parley PRIVMSG alice :beep beep$", await alice.ReadLineAsync());
        await plain.ExpectAsync(":robo!u@parley PRIVMSG dave :beep beep");
        await bot.SendAsync("PRIVMSG #dev :boop boop");
        Assert.Matches(@"^@time=[^;]+;msgid=\d+;bot :robo!u@parley PRIVMSG #dev :boop boop$", await alice.ReadLineAsync());
        await bot.SendAsync("@+typing=active TAGMSG alice");
        Assert.Matches(@"^@time=[^;]+;msgid=t[0-9a-f]+;bot;\+typing=active :robo!u@parley TAGMSG alice$", await alice.ReadLineAsync());

        await bot.SendAsync("MODE robo -B");
        await bot.SendAsync("PRIVMSG alice :human again");
        Assert.Matches(@"^@time=[^;]+;msgid=\d+ :robo!u@parley PRIVMSG alice :human again$", await alice.ReadLineAsync());
    }
}

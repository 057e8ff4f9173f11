using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>Registration: PASS/NICK/USER, the welcome burst, nick errors, the registration timeout.</summary>
public sealed class IrcRegistrationTests
{
    [Fact]
    public async Task Registration_with_nick_and_user_sends_the_exact_welcome_burst_and_motd()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Irc:Motd"] = "Hello\nfrom Parley" });
        await using var alice = await server.ConnectIrcAsync();

        await alice.SendAsync("PASS secret");
        await alice.SendAsync("NICK alice");
        await alice.SendAsync("USER al 0 * :Alice Liddell");

        await alice.ExpectAsync(
            ":parley 001 alice :Welcome to the Parley IRC Network alice!al@parley",
            ":parley 002 alice :Your host is parley, running version parley-0.1.0");
        Assert.StartsWith(":parley 003 alice :This server was created ", await alice.ReadLineAsync(), StringComparison.Ordinal);
        await alice.ExpectAsync(
            ":parley 004 alice parley parley-0.1.0 Biow CIbeiklmnoqstv Ibekloqv",
            ":parley 005 alice AWAYLEN=390 BOT=B CASEMAPPING=ascii CHANLIMIT=#:50 CHANMODES=beI,k,l,Cimnst CHANNELLEN=51 CHANTYPES=# CHATHISTORY=100 ELIST=MNU EXCEPTS=e EXTBAN=~,am INVEX=I KICKLEN=390 :are supported by this server",
            ":parley 005 alice LINELEN=512 MAXLIST=b:100,e:100,I:100 MODES=4 MONITOR=100 MSGREFTYPES=msgid,timestamp NETWORK=Parley NICKLEN=32 PREFIX=(qov)~@+ STATUSMSG=~@+ TARGMAX=JOIN:,KICK:,NAMES:,NOTICE:4,PART:,PRIVMSG:4,TAGMSG:1,WHOIS:1 TOPICLEN=300 USERLEN=32 UTF8ONLY :are supported by this server",
            ":parley 005 alice WHOX :are supported by this server",
            ":parley 251 alice :There are 1 users and 0 invisible on 1 servers",
            ":parley 252 alice 0 :operator(s) online",
            ":parley 253 alice 0 :unknown connection(s)",
            ":parley 254 alice 0 :channels formed",
            ":parley 255 alice :I have 1 clients and 0 servers",
            ":parley 265 alice 1 1 :Current local users 1, max 1",
            ":parley 266 alice 1 1 :Current global users 1, max 1",
            ":parley 375 alice :- parley Message of the day - ",
            ":parley 372 alice :- Hello",
            ":parley 372 alice :- from Parley",
            ":parley 376 alice :End of /MOTD command.");
        Assert.Empty(await alice.DrainAsync());
    }

    [Fact]
    public async Task Registration_without_motd_configured_ends_with_422()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsync();

        var lines = await alice.RegisterAsync("alice");

        Assert.Equal(":parley 422 alice :MOTD File is missing", lines[^1]);
        Assert.DoesNotContain(lines, l => IrcTestClient.IsNumeric(l, "375"));
    }

    [Fact]
    public async Task User_before_nick_registers_once_nick_arrives()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsync();

        await alice.SendAsync("USER al 0 * :Alice");
        Assert.Empty(await alice.DrainAsync());
        await alice.SendAsync("NICK alice");

        await alice.ExpectAsync(":parley 001 alice :Welcome to the Parley IRC Network alice!al@parley");
    }

    [Fact]
    public async Task Commands_before_registration_get_451_and_unknown_ones_421()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsync();

        await alice.SendAsync("PRIVMSG bob :hi");
        await alice.SendAsync("WHOIS bob");
        await alice.SendAsync("FROB x");

        await alice.ExpectAsync(
            ":parley 451 * :You have not registered",
            ":parley 451 * :You have not registered",
            ":parley 421 * FROB :Unknown command");
    }

    [Theory]
    [InlineData("NICK", ":parley 431 * :No nickname given")]
    [InlineData("NICK :", ":parley 431 * :No nickname given")]
    [InlineData("NICK al[ice]", ":parley 432 * al[ice] :Erroneous nickname")]
    [InlineData("NICK abcdefghijklmnopqrstuvwxyz0123456", ":parley 432 * abcdefghijklmnopqrstuvwxyz0123456 :Erroneous nickname")]
    [InlineData("NICK #room", ":parley 432 * #room :Erroneous nickname")]
    [InlineData("USER u 0 *", ":parley 461 * USER :Not enough parameters")]
    [InlineData("PASS", ":parley 461 * PASS :Not enough parameters")]
    public async Task Bad_registration_command_gets_its_error_numeric(string line, string expected)
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsync();

        await alice.SendAsync(line);

        await alice.ExpectAsync(expected);
    }

    [Fact]
    public async Task Nick_held_by_a_line_user_gets_433_and_another_nick_registers()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var line = await server.ConnectAsAsync("alice");
        await using var irc = await server.ConnectIrcAsync();

        await irc.SendAsync("NICK ALICE");
        await irc.ExpectAsync(":parley 433 * ALICE :Nickname is already in use");
        await irc.SendAsync("USER u 0 * :x");
        Assert.Empty(await irc.DrainAsync());
        await irc.SendAsync("NICK alice2");

        await irc.ExpectAsync(":parley 001 alice2 :Welcome to the Parley IRC Network alice2!u@parley");
    }

    [Fact]
    public async Task Pass_and_user_after_registration_get_462()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("PASS again");
        await alice.SendAsync("USER u 0 * :again");

        await alice.ExpectAsync(
            ":parley 462 alice :You may not reregister",
            ":parley 462 alice :You may not reregister");
    }

    [Fact]
    public async Task Irc_user_registering_and_quitting_is_seen_by_line_users_and_listed_in_users()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var line = await server.ConnectAsAsync("bob");
        await using var irc = await server.ConnectIrcAsAsync("alice");

        await line.WaitForAsync(l => l == "SYS alice joined");
        await line.SendAsync("/users");
        await line.ExpectAsync("USERS alice bob");
        await line.ExpectAsync("OK 2 users online");

        await irc.SendAsync("QUIT :gone fishing");

        var closing = await irc.ReadUntilClosedAsync();
        Assert.Equal(["ERROR :Closing Link: alice[parley] (Quit: gone fishing)"], closing);
        await line.WaitForAsync(l => l == "SYS alice left (gone fishing)");
    }

    [Fact]
    public async Task Quit_without_reason_is_announced_without_one()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var line = await server.ConnectAsAsync("bob");
        await using var irc = await server.ConnectIrcAsAsync("alice");

        await irc.SendAsync("QUIT");

        Assert.Equal(["ERROR :Closing Link: alice[parley] (Quit)"], await irc.ReadUntilClosedAsync());
        await line.WaitForAsync(l => l == "SYS alice left");
    }

    [Fact]
    public async Task Connection_not_registered_in_time_is_closed_with_error()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await ParleyTestServer.StartWithIrcAsync(
            new Dictionary<string, string?> { ["Parley:Limits:RegistrationTimeout"] = "00:00:01" },
            configureServices: services => services.AddSingleton<TimeProvider>(time));
        await using var irc = await server.ConnectIrcAsync();

        await irc.SendAsync("NICK alice");
        // A reply shows the read loop running, so the connection's registration timer is set.
        await irc.SendAsync("PING ready");
        await irc.ExpectAsync(":parley PONG parley ready");
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["ERROR :Closing Link: *[parley] (Registration timed out)"], await irc.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task Irc_and_line_users_share_one_nick_space()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsAsync("alice");
        await using var line = await server.ConnectAsync();

        await line.SendAsync("#Alice");

        await line.ExpectAsync("ERR NICK_TAKEN Alice is taken");
    }
}

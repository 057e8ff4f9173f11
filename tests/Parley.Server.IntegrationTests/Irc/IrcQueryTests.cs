using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>WHOIS, ISON, USERHOST, AWAY, MODE, NICK changes, MOTD, LUSERS, PING.</summary>
public sealed class IrcQueryTests
{
    [Fact]
    public async Task Whois_of_an_irc_user_gives_user_server_away_and_end()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsync();
        await bob.RegisterAsync("bob", "bobby", "Bob Builder");
        await bob.SendAsync("AWAY :busy");
        await bob.ReadLineAsync();

        await alice.SendAsync("WHOIS BOB");

        await alice.ExpectAsync(
            ":parley 311 alice bob bobby parley * :Bob Builder",
            ":parley 312 alice bob parley :Parley chat server",
            ":parley 301 alice bob busy",
            ":parley 318 alice bob :End of /WHOIS list");
    }

    [Fact]
    public async Task Whois_of_a_line_user_uses_the_nick_as_user_and_real_name()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var line = await server.ConnectAsAsync("carol");

        await alice.SendAsync("WHOIS parley carol");

        await alice.ExpectAsync(
            ":parley 311 alice carol carol parley * carol",
            ":parley 312 alice carol parley :Parley chat server",
            ":parley 318 alice carol :End of /WHOIS list");
    }

    [Theory]
    [InlineData("WHOIS nobody", ":parley 401 alice nobody :No such nick/channel", ":parley 318 alice nobody :End of /WHOIS list")]
    [InlineData("WHOIS", ":parley 431 alice :No nickname given", null)]
    public async Task Whois_of_nobody_gets_401_and_end_or_431(string line, string first, string? second)
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync(line);

        Assert.Equal(second is null ? [first] : [first, second], await alice.DrainAsync());
    }

    [Fact]
    public async Task Ison_lists_the_online_nicks_as_they_spell_them()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var line = await server.ConnectAsAsync("Carol");

        await alice.SendAsync("ISON carol nobody ALICE");
        await alice.SendAsync("ISON nobody");
        await alice.SendAsync("ISON");

        await alice.ExpectAsync(
            ":parley 303 alice :Carol alice",
            ":parley 303 alice :",
            ":parley 461 alice ISON :Not enough parameters");
    }

    [Fact]
    public async Task Userhost_gives_user_and_host_with_away_state()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await bob.SendAsync("AWAY :zzz");
        await bob.ReadLineAsync();

        await alice.SendAsync("USERHOST alice bob nobody");

        await alice.ExpectAsync(":parley 302 alice :alice=+u@parley bob=-u@parley");
    }

    [Fact]
    public async Task Away_with_text_marks_away_and_without_marks_back()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("AWAY :gone");
        await alice.SendAsync("AWAY");

        await alice.ExpectAsync(
            ":parley 306 alice :You have been marked as being away",
            ":parley 305 alice :You are no longer marked as being away");
        Assert.Null(server.Hub.FindByNick("alice")!.AwayMessage);
    }

    [Fact]
    public async Task Mode_on_own_nick_sets_and_clears_invisible_and_lusers_counts_it()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("MODE alice");
        await alice.SendAsync("MODE alice +i");
        await alice.SendAsync("MODE alice +i");
        await alice.SendAsync("MODE alice");
        await alice.SendAsync("LUSERS");
        await alice.ExpectAsync(
            ":parley 221 alice +",
            ":alice!u@parley MODE alice +i",
            ":parley 221 alice +i",
            ":parley 251 alice :There are 0 users and 1 invisible on 1 servers");
        await alice.DrainAsync();
        await alice.SendAsync("MODE alice -i+x");

        await alice.ExpectAsync(":parley 501 alice :Unknown MODE flag", ":alice!u@parley MODE alice -i");
    }

    [Theory]
    [InlineData("MODE bob +i", ":parley 502 alice :Can't change mode for other users")]
    [InlineData("MODE nobody", ":parley 401 alice nobody :No such nick/channel")]
    [InlineData("MODE #nowhere", ":parley 403 alice #nowhere :No such channel")]
    [InlineData("MODE", ":parley 461 alice MODE :Not enough parameters")]
    public async Task Mode_on_others_or_nothing_gets_its_error(string line, string expected)
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");

        await alice.SendAsync(line);

        await alice.ExpectAsync(expected);
    }

    [Fact]
    public async Task Nick_change_is_confirmed_to_the_client_and_announced_to_line_users()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var line = await server.ConnectAsAsync("carol");
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("NICK alice2");

        await alice.ExpectAsync(":alice!u@parley NICK alice2");
        await line.WaitForAsync(l => l == "SYS alice is now alice2");
        Assert.NotNull(server.Hub.FindByNick("alice2"));
    }

    [Theory]
    [InlineData("NICK carol", ":parley 433 alice carol :Nickname is already in use")]
    [InlineData("NICK bad!nick", ":parley 432 alice bad!nick :Erroneous nickname")]
    [InlineData("NICK", ":parley 431 alice :No nickname given")]
    public async Task Nick_change_refused_keeps_the_old_nick(string line, string expected)
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var carol = await server.ConnectAsAsync("carol");
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync(line);

        await alice.ExpectAsync(expected);
        Assert.NotNull(server.Hub.FindByNick("alice"));
    }

    [Fact]
    public async Task Nick_change_in_case_only_is_allowed()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("NICK Alice");
        await alice.SendAsync("NICK Alice");

        Assert.Equal([":alice!u@parley NICK Alice"], await alice.DrainAsync());
    }

    [Fact]
    public async Task Motd_and_lusers_commands_repeat_the_welcome_parts()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Irc:Motd"] = "Be nice" });
        await using var line = await server.ConnectAsAsync("carol");
        await using var unregistered = await server.ConnectAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("MOTD");
        await alice.SendAsync("LUSERS");

        await alice.ExpectAsync(
            ":parley 375 alice :- parley Message of the day - ",
            ":parley 372 alice :- Be nice",
            ":parley 376 alice :End of /MOTD command.",
            ":parley 251 alice :There are 2 users and 0 invisible on 1 servers",
            ":parley 252 alice 0 :operator(s) online",
            ":parley 253 alice 1 :unknown connection(s)",
            ":parley 254 alice 0 :channels formed",
            ":parley 255 alice :I have 2 clients and 0 servers");
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_before_and_after_registration()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsync();

        await alice.SendAsync("PING :hello world");
        await alice.ExpectAsync(":parley PONG parley :hello world");
        await alice.RegisterAsync("alice");
        await alice.SendAsync("PING token");
        await alice.SendAsync("PING");

        await alice.ExpectAsync(":parley PONG parley token", ":parley 461 alice PING :Not enough parameters");
    }
}

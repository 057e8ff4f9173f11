using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// NickServ in-band over a raw IRC socket: the service answers by NOTICE from
/// <c>NickServ!NickServ@services</c> (as Anope, Atheme and Ergo do; Ergo's NickServ manual) and
/// signs in with <c>900 RPL_LOGGEDIN</c> (IRCv3 SASL numerics, modern.ircdocs.horse "RPL_LOGGEDIN").
/// </summary>
public sealed class IrcNickServTests
{
    private const string Password = "correct-horse";
    private const string From = ":NickServ!NickServ@services NOTICE ";

    [Fact]
    public async Task Register_makes_the_current_nick_an_account_and_logs_in_with_900()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsAsync("alice");

        await irc.SendAsync($"PRIVMSG NickServ :REGISTER {Password} alice@example.org");

        await irc.ExpectAsync(
            ":parley 900 alice alice!u@parley alice :You are now logged in as alice",
            From + "alice :Account alice registered; you are now logged in.");
        await using var line = await server.ConnectAsync();
        await line.SendAsync($"#alice {Password}");
        await line.WaitForAsync(l => l.StartsWith("OK", StringComparison.Ordinal) && l.Contains("alice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_refuses_a_password_shorter_than_MinPasswordLength()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Accounts:MinPasswordLength"] = "12" });
        await using var irc = await server.ConnectIrcAsAsync("alice");

        await irc.SendAsync("NS REGISTER elevenchars");

        await irc.ExpectAsync(From + "alice :That password is not acceptable: a password is 12-128 characters without spaces.");
        await irc.SendAsync("NS REGISTER twelve-chars");
        await irc.WaitForAsync(l => IrcTestClient.IsNumeric(l, "900"));
    }

    [Fact]
    public async Task Line_register_applies_MinPasswordLength_too()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Accounts:MinPasswordLength"] = "12" });
        await using var line = await server.ConnectAsAsync("bob");

        await line.SendAsync("/register elevenchars");

        await line.ExpectAsync("ERR BAD_PASSWORD a password is 12-128 characters without spaces");
    }

    [Fact]
    public async Task Identify_from_a_fallback_nick_logs_in_and_renames_to_the_account()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var irc = await server.ConnectIrcAsAsync("alice_");

        await irc.SendAsync($"PRIVMSG NickServ :IDENTIFY alice {Password}");

        await irc.ExpectAsync(
            ":alice_!u@parley NICK alice",
            ":parley 900 alice alice!u@parley alice :You are now logged in as alice",
            From + "alice :Password accepted: you are now logged in as alice.");
    }

    [Fact]
    public async Task Identify_with_a_wrong_password_is_refused_and_the_nick_stays()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var irc = await server.ConnectIrcAsAsync("alice_");

        await irc.SendAsync("NICKSERV IDENTIFY alice wrong-password");

        await irc.ExpectAsync(From + "alice_ :Invalid account or password.");
        Assert.Empty(await irc.DrainAsync());
    }

    [Fact]
    public async Task Ghost_disconnects_the_accounts_other_session()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var stale = await server.ConnectIrcAsync();
        await stale.SendAsync($"PASS {Password}");
        await stale.RegisterAsync("alice");
        await using var irc = await server.ConnectIrcAsAsync("alice_");

        await irc.SendAsync($"PRIVMSG NickServ :GHOST alice {Password}");

        await irc.ExpectAsync(From + "alice_ :alice has been ghosted (1 session disconnected).");
        var closed = await stale.ReadUntilClosedAsync();
        Assert.Contains("ERROR :Closing Link: alice[parley] (ghosted)", closed);
    }

    [Fact]
    public async Task Regain_ghosts_then_logs_in()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var stale = await server.ConnectIrcAsync();
        await stale.SendAsync($"PASS {Password}");
        await stale.RegisterAsync("alice");
        await using var irc = await server.ConnectIrcAsAsync("alice_");

        await irc.SendAsync($"NS REGAIN alice {Password}");

        await irc.ExpectAsync(
            From + "alice_ :alice has been ghosted (1 session disconnected).",
            ":alice_!u@parley NICK alice",
            ":parley 900 alice alice!u@parley alice :You are now logged in as alice",
            From + "alice :Password accepted: you are now logged in as alice.");
    }

    [Fact]
    public async Task Set_password_changes_it_for_the_next_login()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using (var irc = await server.ConnectIrcAsAsync("alice"))
        {
            await irc.SendAsync($"NS REGISTER {Password}");
            await irc.WaitForAsync(l => l.Contains("registered;", StringComparison.Ordinal));
            await irc.SendAsync("NS SET PASSWORD battery-staple");
            await irc.ExpectAsync(From + "alice :Password changed.");
        }

        await using var again = await server.ConnectIrcAsync();
        await again.SendAsync("PASS battery-staple");
        await again.RegisterAsync("alice");
    }

    [Fact]
    public async Task Drop_deletes_the_account_and_frees_the_nick()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using (var irc = await server.ConnectIrcAsAsync("alice"))
        {
            await irc.SendAsync($"NS REGISTER {Password}");
            await irc.WaitForAsync(l => l.Contains("registered;", StringComparison.Ordinal));
            await irc.SendAsync($"NS DROP {Password}");
            await irc.ExpectAsync(From + "alice :Account alice has been dropped; reconnect to use the nick as a guest.");
            await irc.ExpectAsync("ERROR :Closing Link: alice[parley] (account dropped)");
        }

        await using var guest = await server.ConnectIrcAsync();
        await guest.RegisterAsync("alice");
        await guest.SendAsync("NS INFO alice");
        await guest.ExpectAsync(From + "alice :alice is not registered.");
    }

    [Fact]
    public async Task Info_shows_the_account_and_whether_it_is_online()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "carol");
        await using var irc = await server.ConnectIrcAsAsync("dave");

        await irc.SendAsync("PRIVMSG nickserv :info carol");

        await irc.ExpectAsync(From + "dave :Information on carol (account carol):");
        var registered = await irc.ReadLineAsync();
        Assert.Matches(@"^:NickServ!NickServ@services NOTICE dave :Registered : \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", registered);
        await irc.ExpectAsync(From + "dave :Status     : offline", From + "dave :*** End of Info ***");
    }

    [Fact]
    public async Task Service_nicks_are_reserved()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsync();

        await irc.SendAsync("NICK NickServ");
        await irc.SendAsync("USER u 0 * :Real Name");

        await irc.ExpectAsync(":parley 433 * NickServ :Nickname is already in use");
        await using var line = await server.ConnectAsync();
        await line.SendAsync("#chanserv");
        var (reply, _) = await line.WaitForAsync(l => l.StartsWith("ERR", StringComparison.Ordinal) || l.StartsWith("OK", StringComparison.Ordinal));
        Assert.StartsWith("ERR NICK_TAKEN", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_request_gets_a_notice_pointing_at_help()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsAsync("dave");

        await irc.SendAsync("PRIVMSG NickServ :FROBNICATE");

        await irc.ExpectAsync(From + "dave :Unknown command FROBNICATE. Type /msg NickServ HELP for a list of commands.");
    }

    private static async Task CreateOfflineAccountAsync(ParleyTestServer server, string nick)
    {
        await using var line = await server.ConnectNewAccountAsync(nick, Password);
        await line.SendAsync("/logout");
        await line.WaitForAsync(l => l.StartsWith("OK", StringComparison.Ordinal));
    }
}

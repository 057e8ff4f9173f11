using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// IRC with accounts, stored messages and flood control: PASS login, registered nicks, messages
/// to offline accounts, echoes from an account's other devices, fakelag.
/// </summary>
public sealed class IrcAccountTests
{
    private const string Password = "correct-horse";

    [Fact]
    public async Task Guest_registering_a_nick_owned_by_an_account_gets_433_and_may_pick_another()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var irc = await server.ConnectIrcAsync();

        await irc.SendAsync("NICK alice");
        await irc.SendAsync("USER u 0 * :Real Name");

        await irc.ExpectAsync(":parley 433 * alice :Nickname is registered to an account: log in with PASS <password>, or pick another");
        await irc.RegisterAsync("alice_");
    }

    [Fact]
    public async Task Pass_logs_in_to_the_account_and_stored_messages_follow_the_welcome_with_their_time()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await bob.SendAsync("PRIVMSG alice :while you were out");
        Assert.Empty(await bob.DrainAsync());

        await using var irc = await server.ConnectIrcAsync();
        await irc.SendAsync("CAP LS 302");
        await irc.SendAsync("CAP REQ :server-time");
        await irc.SendAsync($"PASS {Password}");
        await irc.SendAsync("NICK alice");
        await irc.SendAsync("USER al 0 * :Alice");
        await irc.SendAsync("CAP END");

        var (loggedIn, _) = await irc.WaitForAsync(l => IrcTestClient.IsNumeric(l, "900"));
        Assert.EndsWith(" 900 alice alice!al@parley alice :You are now logged in as alice", loggedIn, StringComparison.Ordinal);
        var (_, burst) = await irc.WaitForAsync(l => IrcTestClient.IsNumeric(l, "422"));
        Assert.Contains(burst, l => IrcTestClient.IsNumeric(l, "001"));
        Assert.DoesNotContain(burst, l => IrcTestClient.Command(l) == "PRIVMSG");
        var missed = await irc.ReadLineAsync();
        Assert.Matches(@"^@time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z :bob!bob@parley PRIVMSG alice :while you were out$", missed);
    }

    [Fact]
    public async Task Privmsg_to_an_offline_account_is_stored_not_401_and_echoed()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "carol");
        await using var irc = await server.ConnectIrcAsync();
        await irc.SendAsync("CAP REQ :echo-message");
        await irc.SendAsync("CAP END");
        await irc.RegisterAsync("dave");

        await irc.SendAsync("PRIVMSG carol :see you later");

        await irc.ExpectAsync(":dave!u@parley PRIVMSG carol :see you later");
        await using var carol = await server.ConnectAsync();
        await carol.SendAsync($"#carol {Password}");
        await carol.WaitForAsync(l => l.Contains("dave", StringComparison.Ordinal) && l.EndsWith("see you later", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notice_to_an_offline_account_is_dropped_silently()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "carol");
        await using var irc = await server.ConnectIrcAsAsync("dave");

        await irc.SendAsync("NOTICE carol :are you there");

        Assert.Empty(await irc.DrainAsync());
    }

    [Fact]
    public async Task Pass_on_a_plain_untrusted_connection_is_refused_with_464_and_a_tls_notice()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Tls:TrustLoopback"] = "false" });
        await using var irc = await server.ConnectIrcAsync();

        await irc.SendAsync($"PASS {Password}");
        await irc.SendAsync("NICK alice");
        await irc.SendAsync("USER u 0 * :Real Name");

        var lines = await irc.ReadUntilClosedAsync();
        Assert.StartsWith(":parley NOTICE * :Passwords are refused on a plain connection: connect with TLS", lines[0], StringComparison.Ordinal);
        Assert.Equal([":parley 464 * :Password incorrect", "ERROR :Closing Link: *[parley] (Password refused: TLS required)"], lines[1..]);
        Assert.False(server.Hub.IsOnline("alice"));
    }

    [Fact]
    public async Task Pass_over_tls_logs_in_even_when_loopback_is_not_trusted()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(
            new Dictionary<string, string?> { ["Parley:Tls:TrustLoopback"] = "false", ["Parley:Tls:Port"] = ParleyTestServer.AnyFreePort },
            tls: true);
        await using var tls = await server.ConnectTlsAsync();
        await tls.SendAsync($"/register alice {Password}");
        await tls.WaitForAsync(l => l.StartsWith("OK registered", StringComparison.Ordinal));
        await using var irc = await IrcTestClient.ConnectTlsAsync(server.IrcTlsPort);

        await irc.SendAsync($"PASS {Password}");
        await irc.RegisterAsync("alice");

        Assert.Equal(2, server.Hub.FindSessions("alice").Count);
    }

    [Fact]
    public async Task Wrong_pass_gets_464_and_the_connection_is_closed()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var irc = await server.ConnectIrcAsync();

        await irc.SendAsync("PASS wrong-password");
        await irc.SendAsync("NICK alice");
        await irc.SendAsync("USER u 0 * :Real Name");

        Assert.Equal([":parley 464 * :Password incorrect", "ERROR :Closing Link: *[parley] (Bad password)"], await irc.ReadUntilClosedAsync());
    }

    // The account is separate from the nick (as on Ergo): a logged-in user may take a nick that is
    // no account's and stays logged in.
    [Fact]
    public async Task Logged_in_user_may_change_to_a_free_nick_and_stays_logged_in()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var irc = await server.ConnectIrcAsync();
        await irc.SendAsync($"PASS {Password}");
        await irc.RegisterAsync("alice");

        await irc.SendAsync("NICK alice2");

        await irc.ExpectAsync(":alice!u@parley NICK alice2");
        Assert.Equal("alice", server.Hub.FindByNick("alice2")?.AccountName);
        Assert.False(server.Hub.IsOnline("alice"));
    }

    [Fact]
    public async Task Message_sent_from_the_accounts_line_device_reaches_its_irc_device_as_its_own_privmsg()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var phone = await server.ConnectNewAccountAsync("alice", Password);
        await using var irc = await server.ConnectIrcAsync();
        await irc.SendAsync($"PASS {Password}");
        await irc.RegisterAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");

        await phone.SendAsync("@bob:sent from my phone");

        await irc.ExpectAsync(":alice!alice@parley PRIVMSG bob :sent from my phone");
        await bob.WaitForAsync(l => l == "DM alice: sent from my phone");
    }

    [Fact]
    public async Task Whois_shows_the_account_of_a_logged_in_user()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var account = await server.ConnectNewAccountAsync("alice", Password);
        await using var bob = await server.ConnectIrcAsAsync("bob");

        await bob.SendAsync("WHOIS alice");

        await bob.WaitForAsync(l => l == ":parley 330 bob alice alice :is logged in as");
    }

    [Fact]
    public async Task Flooding_irc_client_is_slowed_down_not_refused()
    {
        // Over a real socket: a burst past the bucket is answered whole and in order. How long each
        // command is held (fakelag, on the clock) is tested on a fake clock in Parley.FrontEnds.Tests
        // (FloodControlTests); 1,000 a second keeps the real waits here to milliseconds.
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?>
        {
            ["Parley:Limits:Flood:MessagesPerSecond"] = "1000",
            ["Parley:Limits:Flood:Burst"] = "5",
        });
        await using var irc = await server.ConnectIrcAsAsync("alice");

        await irc.SendRawAsync(System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 30).Select(i => $"PING p{i}\r\n"))));
        var pongs = new List<string>();
        for (var i = 0; i < 30; i++)
            pongs.Add(await irc.ReadLineAsync());

        Assert.Equal(Enumerable.Range(0, 30).Select(i => $":parley PONG parley p{i}"), pongs);
    }

    private static async Task CreateOfflineAccountAsync(ParleyTestServer server, string nick)
    {
        await using var line = await server.ConnectNewAccountAsync(nick, Password);
        await line.SendAsync("/logout");
        await line.WaitForAsync(l => l.StartsWith("OK", StringComparison.Ordinal));
    }
}

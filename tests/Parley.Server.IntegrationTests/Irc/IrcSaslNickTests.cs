using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// The account is separate from the nick (Ergo's behaviour): after SASL the client keeps the nick
/// it chose, and everything that shows an account shows the account's name (WHOIS 330, account-tag,
/// extended-join, account-notify, 900). SASL after registration (IRCv3 sasl-3.2, "SASL
/// Reauthentication"). Over real sockets.
/// </summary>
public sealed class IrcSaslNickTests
{
    private const string Password = "correct-horse";

    // sasl-3.1 "RPL_LOGGEDIN": 900 <nick> <nick>!<ident>@<host> <account>; RFC 2812 §5.1: 001's nick is the client's.
    [Fact]
    public async Task Sasl_keeps_the_nick_the_client_chose_and_stored_messages_come_addressed_to_it()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await bob.SendAsync("PRIVMSG alice :while you were out");
        Assert.Empty(await bob.DrainAsync());

        await using var irc = await server.ConnectIrcAsync();
        await irc.SendAsync("CAP LS 302");
        await irc.SendAsync("NICK coolnick");
        await irc.SendAsync("USER al 0 * :Alice");
        await irc.SendAsync("CAP REQ :sasl");
        await irc.WaitForAsync(l => l == ":parley CAP * ACK sasl");
        await irc.SendAsync("AUTHENTICATE PLAIN");
        await irc.ExpectAsync("AUTHENTICATE +");
        await irc.SendAsync("AUTHENTICATE " + IrcSaslTests.Plain("", "alice", Password));

        await irc.ExpectAsync(
            ":parley 900 coolnick coolnick!al@parley alice :You are now logged in as alice",
            ":parley 903 coolnick :SASL authentication successful");
        await irc.SendAsync("CAP END");
        await irc.ExpectAsync(":parley 001 coolnick :Welcome to the Parley IRC Network coolnick!al@parley");
        var (missed, _) = await irc.WaitForAsync(l => IrcTestClient.Command(l) == "PRIVMSG");
        Assert.Equal(":bob!bob@parley PRIVMSG coolnick :while you were out", missed);
        var session = server.Hub.FindByNick("coolnick");
        Assert.Equal("alice", session?.AccountName);
        Assert.False(server.Hub.IsOnline("alice"));
    }

    // modern.ircdocs.horse RPL_WHOISACCOUNT (330): "<client> <nick> <account> :is logged in as".
    [Fact]
    public async Task Whois_of_a_nick_kept_after_sasl_shows_the_account_in_330()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var alice = await SaslConnectAsync(server, "coolnick", "alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");

        await bob.SendAsync("WHOIS coolnick");

        var (line, _) = await bob.WaitForAsync(l => IrcTestClient.IsNumeric(l, "330"));
        Assert.Equal(":parley 330 bob coolnick alice :is logged in as", line);
    }

    // IRCv3 account-tag ("the account name of the sender") and extended-join ("JOIN <channel> <account> :<realname>").
    [Fact]
    public async Task Account_tag_and_extended_join_carry_the_account_not_the_nick()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var bob = await server.ConnectIrcAsync();
        await bob.SendAsync("CAP REQ :account-tag extended-join");
        await bob.ReadLineAsync();
        await bob.SendAsync("CAP END");
        await bob.RegisterAsync("bob");
        await bob.SendAsync("JOIN #c");
        await bob.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        await using var alice = await SaslConnectAsync(server, "coolnick", "alice", user: "al", realName: "Alice");

        await alice.SendAsync("JOIN #c");
        await bob.ExpectAsync(":coolnick!al@parley JOIN #c alice Alice");
        await alice.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        await alice.SendAsync("PRIVMSG #c :hello there");
        await bob.ExpectAsync("@account=alice :coolnick!al@parley PRIVMSG #c :hello there");
        await using var dave = await server.ConnectIrcAsync();
        await dave.SendAsync("CAP REQ :account-tag");
        await dave.ReadLineAsync();
        await dave.SendAsync("CAP END");
        await dave.RegisterAsync("dave");
        await alice.SendAsync("INVITE dave #c");
        await dave.ExpectAsync("@account=alice :coolnick!al@parley INVITE dave #c");
    }

    // A message to the account's name reaches the nick the account holds; a message to that nick too.
    [Fact]
    public async Task Direct_messages_to_the_account_or_to_the_kept_nick_reach_it()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var alice = await SaslConnectAsync(server, "coolnick", "alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");

        await bob.SendAsync("PRIVMSG alice :to the account");
        await alice.ExpectAsync(":bob!u@parley PRIVMSG coolnick :to the account");
        await bob.SendAsync("PRIVMSG coolnick :to the nick");
        await alice.ExpectAsync(":bob!u@parley PRIVMSG coolnick :to the nick");
        Assert.Empty(await bob.DrainAsync());
    }

    // IRCv3 echo-message: a message to oneself is echoed and delivered (two lines), also under a kept nick.
    [Fact]
    public async Task Echo_message_to_oneself_under_a_kept_nick_comes_twice()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var alice = await SaslConnectAsync(server, "coolnick", "alice", caps: "sasl echo-message");

        await alice.SendAsync("PRIVMSG coolnick :note to self");

        await alice.ExpectAsync(
            ":coolnick!u@parley PRIVMSG coolnick :note to self",
            ":coolnick!u@parley PRIVMSG coolnick :note to self");
    }

    // A guest may not take an account's nick (433); neither may an account take another account's name.
    [Fact]
    public async Task Sasl_with_another_accounts_name_as_nick_gets_433_and_the_next_nick_registers()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await CreateOfflineAccountAsync(server, "carol");
        await using var irc = await server.ConnectIrcAsync();
        await irc.SendAsync("CAP REQ :sasl");
        await irc.ReadLineAsync();
        await irc.SendAsync("NICK carol");
        await irc.SendAsync("USER al 0 * :Alice");
        await Authenticate(irc, "alice");
        await irc.SendAsync("CAP END");

        await irc.ExpectAsync(":parley 433 * carol :Nickname is registered to an account: log in with PASS <password>, or pick another");
        await irc.SendAsync("NICK alice");
        await irc.ExpectAsync(":parley 001 alice :Welcome to the Parley IRC Network alice!al@parley");
        Assert.Equal("alice", server.Hub.FindByNick("alice")?.AccountName);
    }

    // After login, NICK takes a free nick or the account's name; another account's name is 433.
    [Fact]
    public async Task Logged_in_user_changes_to_a_free_nick_and_back_to_its_account_name_but_not_to_another_account()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await CreateOfflineAccountAsync(server, "carol");
        await using var alice = await SaslConnectAsync(server, "coolnick", "alice");

        await alice.SendAsync("NICK carol");
        await alice.ExpectAsync(":parley 433 coolnick carol :Nickname is registered to an account: log in with PASS <password>, or pick another");
        await alice.SendAsync("NICK other");
        await alice.ExpectAsync(":coolnick!u@parley NICK other");
        await alice.SendAsync("NICK alice");
        await alice.ExpectAsync(":other!u@parley NICK alice");
        Assert.Equal("alice", server.Hub.FindByNick("alice")?.AccountName);
        Assert.False(server.Hub.IsOnline("other"));
        Assert.False(server.Hub.IsOnline("coolnick"));
    }

    // IRCv3 sasl-3.2 "SASL Reauthentication": AUTHENTICATE after 001; account-notify tells channel peers.
    [Fact]
    public async Task Sasl_after_registration_logs_a_guest_in_keeping_its_nick_and_peers_see_account()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var peer = await server.ConnectIrcAsync();
        await peer.SendAsync("CAP REQ :account-notify");
        await peer.ReadLineAsync();
        await peer.SendAsync("CAP END");
        await peer.RegisterAsync("peer");
        await peer.SendAsync("JOIN #c");
        await peer.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        await using var guest = await server.ConnectIrcAsync();
        await guest.SendAsync("CAP REQ :sasl");
        await guest.ReadLineAsync();
        await guest.SendAsync("CAP END");
        await guest.RegisterAsync("coolnick");
        await guest.SendAsync("JOIN #c");
        await guest.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        await peer.WaitForAsync(l => IrcTestClient.Command(l) == "JOIN");

        await guest.SendAsync("AUTHENTICATE PLAIN");
        await guest.ExpectAsync("AUTHENTICATE +");
        await guest.SendAsync("AUTHENTICATE " + IrcSaslTests.Plain("", "alice", Password));

        await guest.ExpectAsync(
            ":parley 900 coolnick coolnick!u@parley alice :You are now logged in as alice",
            ":parley 903 coolnick :SASL authentication successful");
        await peer.ExpectAsync(":coolnick!u@parley ACCOUNT alice");
        Assert.Equal("alice", server.Hub.FindByNick("coolnick")?.AccountName);

        // sasl-3.2: "ERR_SASLALREADY is appropriate if changing accounts is not supported".
        await guest.SendAsync("AUTHENTICATE PLAIN");
        await guest.ExpectAsync(":parley 907 coolnick :You have already authenticated using SASL");
    }

    // Defect 9: 900 and 001 show the same nick!user@host, also when SASL comes before NICK and USER.
    [Fact]
    public async Task Sasl_before_user_shows_the_same_user_name_in_900_and_001()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var irc = await server.ConnectIrcAsync();
        await irc.SendAsync("CAP REQ :sasl");
        await irc.ReadLineAsync();
        await Authenticate(irc, "alice", expect900: ":parley 900 * *!alice@parley alice :You are now logged in as alice");
        await irc.SendAsync("NICK coolnick");
        await irc.SendAsync("USER al 0 * :Alice");
        await irc.SendAsync("CAP END");

        await irc.ExpectAsync(":parley 001 coolnick :Welcome to the Parley IRC Network coolnick!alice@parley");
    }

    private static async Task Authenticate(IrcTestClient irc, string account, string? expect900 = null)
    {
        await irc.SendAsync("AUTHENTICATE PLAIN");
        await irc.ExpectAsync("AUTHENTICATE +");
        await irc.SendAsync("AUTHENTICATE " + IrcSaslTests.Plain("", account, Password));
        var (line, _) = await irc.WaitForAsync(l => IrcTestClient.IsNumeric(l, "900") || IrcTestClient.IsNumeric(l, "904"));
        if (expect900 is not null)
            Assert.Equal(expect900, line);
        Assert.True(IrcTestClient.IsNumeric(line, "900"), line);
        await irc.WaitForAsync(l => IrcTestClient.IsNumeric(l, "903"));
    }

    private static async Task<IrcTestClient> SaslConnectAsync(
        ParleyTestServer server, string nick, string account, string user = "u", string realName = "Real Name", string caps = "sasl")
    {
        // The order clients use: CAP, NICK and USER, then SASL, then CAP END.
        var irc = await server.ConnectIrcAsync();
        await irc.SendAsync("CAP REQ :" + caps);
        await irc.ReadLineAsync();
        await irc.SendAsync($"NICK {nick}");
        await irc.SendAsync($"USER {user} 0 * :{realName}");
        await Authenticate(irc, account);
        await irc.SendAsync("CAP END");
        await irc.WaitForAsync(l => IrcTestClient.IsNumeric(l, "376") || IrcTestClient.IsNumeric(l, "422"));
        await irc.DrainAsync();
        return irc;
    }

    private static async Task CreateOfflineAccountAsync(ParleyTestServer server, string nick)
    {
        await using var line = await server.ConnectNewAccountAsync(nick, Password);
        await line.SendAsync("/logout");
        await line.WaitForAsync(l => l.StartsWith("OK", StringComparison.Ordinal));
    }
}

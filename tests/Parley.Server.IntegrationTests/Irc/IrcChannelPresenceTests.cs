using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>Presence in channels: QUIT, NICK, away-notify, account-notify, and IRC and line users sharing a room.</summary>
public sealed class IrcChannelPresenceTests
{
    private const string Password = "correct-horse";

    [Fact]
    public async Task Quit_reaches_channel_peers_once_even_when_sharing_two_channels_and_nobody_else()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await using var outsider = await server.ConnectIrcAsAsync("carol");
        await alice.SendAsync("JOIN #a,#b");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #a,#b");
        await bob.DrainAsync();
        await alice.DrainAsync();

        await bob.SendAsync("QUIT :lunch");

        await alice.ExpectAsync(":bob!u@parley QUIT :Quit: lunch");
        Assert.Empty(await alice.DrainAsync());
        Assert.Empty(await outsider.DrainAsync());
    }

    [Fact]
    public async Task Dropped_connection_is_a_quit_with_the_drop_reason_for_channel_peers()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #a");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #a");
        await bob.DrainAsync();
        await alice.DrainAsync();

        bob.Drop();

        var (line, _) = await alice.WaitForAsync(l => l.Contains(" QUIT ", StringComparison.Ordinal));
        Assert.StartsWith(":bob!u@parley QUIT :connection ", line, StringComparison.Ordinal);
        await bob.DisposeAsync();
    }

    [Fact]
    public async Task Nick_change_reaches_channel_peers_only()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await using var outsider = await server.ConnectIrcAsAsync("carol");
        await alice.SendAsync("JOIN #a");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #a");
        await bob.DrainAsync();
        await alice.DrainAsync();

        await bob.SendAsync("NICK robert");

        await bob.ExpectAsync(":bob!u@parley NICK robert");
        await alice.ExpectAsync(":bob!u@parley NICK robert");
        Assert.Empty(await outsider.DrainAsync());
        await alice.SendAsync("NAMES #a");
        await alice.ExpectAsync(":parley 353 alice = #a :@alice robert", ":parley 366 alice #a :End of /NAMES list");
    }

    [Fact]
    public async Task Away_notify_tells_channel_peers_with_the_capability_only()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsync();
        await alice.SendAsync("CAP REQ away-notify");
        await alice.SendAsync("CAP END");
        await alice.RegisterAsync("alice");
        await using var carol = await server.ConnectIrcAsAsync("carol");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        foreach (var client in new[] { alice, carol, bob })
        {
            await client.SendAsync("JOIN #a");
            await client.DrainAsync();
        }

        await alice.DrainAsync();
        await carol.DrainAsync();

        await bob.SendAsync("AWAY :out to lunch");
        await alice.ExpectAsync(":bob!u@parley AWAY :out to lunch");
        await bob.SendAsync("AWAY");
        await alice.ExpectAsync(":bob!u@parley AWAY");
        Assert.Empty(await carol.DrainAsync());
    }

    [Fact]
    public async Task Account_notify_tells_channel_peers_when_a_guest_in_the_channel_registers_an_account()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsync();
        await alice.SendAsync("CAP REQ account-notify");
        await alice.SendAsync("CAP END");
        await alice.RegisterAsync("alice");
        await alice.SendAsync("JOIN #a");
        await alice.DrainAsync();
        await using var line = await server.ConnectAsAsync("bob");
        await line.JoinAsync("#a");
        await alice.WaitForAsync(l => l == ":bob!bob@parley JOIN #a");

        Assert.StartsWith("OK registered and logged in as bob", (await line.CommandAsync($"/register {Password}")).Reply, StringComparison.Ordinal);

        await alice.ExpectAsync(":bob!bob@parley ACCOUNT bob");
    }

    [Fact]
    public async Task Irc_and_line_users_share_a_room_each_in_its_own_protocol()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsAsync("alice");
        await using var line = await server.ConnectAsAsync("bob");
        await line.JoinAsync("#mixed");

        await irc.SendAsync("JOIN #mixed");
        await irc.ExpectAsync(":alice!u@parley JOIN #mixed", ":parley 353 alice = #mixed :@bob alice", ":parley 366 alice #mixed :End of /NAMES list");
        await line.WaitForAsync(l => l == "ROOM #mixed alice joined");

        await irc.SendAsync("PRIVMSG #mixed :hello from irc");
        await line.WaitForAsync(l => l == "RM #mixed alice: hello from irc");
        await line.SendAsync("/say #mixed hello from the line");
        await irc.ExpectAsync(":bob!bob@parley PRIVMSG #mixed :hello from the line");
        await line.SendAsync("/topic #mixed mixed company");
        await irc.ExpectAsync(":bob!bob@parley TOPIC #mixed :mixed company");
        await irc.SendAsync("PRIVMSG bob :a direct one");
        await line.WaitForAsync(l => l == "DM alice: a direct one");
        await line.SendAsync("@alice:and back");
        await irc.ExpectAsync(":bob!bob@parley PRIVMSG alice :and back");

        await irc.SendAsync("PART #mixed :bye");
        await line.WaitForAsync(l => l == "ROOM #mixed alice left (bye)");
        await irc.SendAsync("JOIN #mixed");
        await line.WaitForAsync(l => l == "ROOM #mixed alice joined");
        await irc.DrainAsync();
        await line.SendAsync("/part #mixed");
        await irc.ExpectAsync(":bob!bob@parley PART #mixed");

        await line.SendAsync("/join #mixed");
        await irc.ExpectAsync(":bob!bob@parley JOIN #mixed");
        await irc.SendAsync("TOPIC #mixed :set from irc");
        await line.WaitForAsync(l => l == "ROOM #mixed alice set the topic: set from irc");
    }

    [Fact]
    public async Task Device_of_an_account_leaving_while_another_stays_online_is_a_part_not_a_quit()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using (var created = await server.ConnectNewAccountAsync("alice", Password))
        {
            await created.SendAsync("/logout");
            await created.WaitForAsync(l => l.StartsWith("OK", StringComparison.Ordinal));
        }

        await using var laptop = await ConnectWithPasswordAsync(server, "alice");
        var phone = await ConnectWithPasswordAsync(server, "alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await bob.SendAsync("JOIN #a");
        await bob.DrainAsync();
        await phone.SendAsync("JOIN #a");
        await phone.DrainAsync();
        await bob.ExpectAsync(":alice!u@parley JOIN #a");

        await phone.SendAsync("QUIT :battery");

        await bob.ExpectAsync(":alice!u@parley PART #a :Quit: battery");
        Assert.Empty(await bob.DrainAsync());
        await phone.DisposeAsync();
    }

    [Fact]
    public async Task Line_user_renaming_in_a_channel_is_a_nick_change_from_its_old_mask()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await alice.SendAsync("JOIN #a");
        await alice.DrainAsync();
        await using var line = await server.ConnectAsAsync("bob");
        await line.JoinAsync("#a");
        await alice.ExpectAsync(":bob!bob@parley JOIN #a");

        Assert.StartsWith("OK", (await line.CommandAsync("/nick robert")).Reply, StringComparison.Ordinal);

        await alice.ExpectAsync(":bob!bob@parley NICK robert");
    }

    [Fact]
    public async Task Guest_in_a_channel_logging_in_to_an_account_online_elsewhere_is_a_nick_change_for_irc_peers()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var device = await server.ConnectNewAccountAsync("bob", Password);
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await alice.SendAsync("JOIN #a");
        await alice.DrainAsync();
        await using var guest = await server.ConnectAsAsync("guest");
        await guest.JoinAsync("#a");
        await alice.ExpectAsync(":guest!guest@parley JOIN #a");

        Assert.StartsWith("OK logged in as bob", (await guest.CommandAsync($"/login bob {Password}")).Reply, StringComparison.Ordinal);

        await alice.ExpectAsync(":guest!guest@parley NICK bob");
        Assert.Empty(await alice.DrainAsync());
    }

    private static async Task<IrcTestClient> ConnectWithPasswordAsync(ParleyTestServer server, string nick)
    {
        var client = await server.ConnectIrcAsync();
        await client.SendAsync($"PASS {Password}");
        await client.RegisterAsync(nick);
        return client;
    }
}

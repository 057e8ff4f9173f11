using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// Account cloaks (<c>Parley:Accounts:AccountCloaks</c>: a logged-in user's host is
/// <c>&lt;account&gt;.users.parley</c>) and IRCv3 chghost (ircv3.net/specs/extensions/chghost):
/// <c>CHGHOST</c> to channel peers and the user itself with the capability, the QUIT/JOIN/MODE
/// fallback to peers without it, and CHGHOST for a MONITORed nick with extended-monitor.
/// </summary>
public sealed class IrcChghostTests
{
    private const string Password = "correct-horse";

    private static Task<ParleyTestServer> StartWithCloaksAsync() =>
        ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Accounts:AccountCloaks"] = "true" });

    private static async Task CreateOfflineAccountAsync(ParleyTestServer server, string nick) =>
        await (await server.ConnectNewAccountAsync(nick, Password)).DisposeAsync();

    [Fact]
    public async Task Cap_ls_offers_chghost()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsync();

        await irc.SendAsync("CAP LS");

        var (ls, _) = await irc.WaitForAsync(l => l.Contains(" LS ", StringComparison.Ordinal));
        Assert.Contains(" chghost ", ls, StringComparison.Ordinal);
    }

    // chghost, "The chghost capability": peers sharing a channel with the cap get CHGHOST, and so
    // does the user itself; "Fallback": others get QUIT, JOIN and the MODE that restores status.
    [Fact]
    public async Task Identify_after_registration_sends_chghost_or_the_fallback_to_channel_peers()
    {
        await using var server = await StartWithCloaksAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var alice = await IrcMessageTagTests.ConnectWithCapsAsync(server, "alice_", "chghost");
        await using var bob = await IrcMessageTagTests.ConnectWithCapsAsync(server, "bob", "chghost");
        await using var carol = await server.ConnectIrcAsAsync("carol");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #dev");
        await bob.DrainAsync();
        await carol.SendAsync("JOIN #dev");
        await carol.DrainAsync();
        await alice.DrainAsync();
        await bob.DrainAsync();

        await alice.SendAsync($"PRIVMSG NickServ :IDENTIFY alice {Password}");

        await alice.WaitForAsync(l => l == ":alice!u@parley CHGHOST u alice.users.parley");
        await bob.ExpectAsync(":alice_!u@parley NICK alice", ":alice!u@parley CHGHOST u alice.users.parley");
        await carol.ExpectAsync(
            ":alice_!u@parley NICK alice",
            ":alice!u@parley QUIT :Changing hostname",
            ":alice!u@alice.users.parley JOIN #dev",
            ":parley MODE #dev +o alice");
        await carol.SendAsync("WHOIS alice");
        await carol.WaitForAsync(l => l == ":parley 311 carol alice u alice.users.parley * :Real Name");
        await carol.WaitForAsync(l => IrcTestClient.IsNumeric(l, "318"));
        await carol.SendAsync("PRIVMSG #dev :hello there");
        await bob.WaitForAsync(l => l == ":carol!u@parley PRIVMSG #dev :hello there");
        await alice.SendAsync("PRIVMSG #dev :hi all");
        await carol.ExpectAsync(":alice!u@alice.users.parley PRIVMSG #dev :hi all");
    }

    // A login before registration shows the cloak from the start: nobody saw the old host.
    [Fact]
    public async Task A_login_at_registration_has_the_cloak_in_001()
    {
        await using var server = await StartWithCloaksAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var alice = await server.ConnectIrcAsync();

        await alice.SendAsync($"PASS {Password}");
        var burst = await alice.RegisterAsync("alice");

        Assert.Contains(":parley 001 alice :Welcome to the Parley IRC Network alice!u@alice.users.parley", burst);
    }

    // extended-monitor with chghost: a watched nick's CHGHOST, sharing no channel; without
    // chghost, the fallback has no channel to replay, so nothing comes.
    [Fact]
    public async Task A_monitored_nick_changing_host_is_told_with_extended_monitor_and_chghost()
    {
        await using var server = await StartWithCloaksAsync();
        await CreateOfflineAccountAsync(server, "alice");
        await using var watcher = await IrcMessageTagTests.ConnectWithCapsAsync(server, "dave", "extended-monitor chghost");
        await using var plain = await IrcMessageTagTests.ConnectWithCapsAsync(server, "erin", "extended-monitor");
        await using var alice = await server.ConnectIrcAsAsync("alice_");
        await watcher.SendAsync("MONITOR + alice");
        await watcher.ExpectAsync(":parley 731 dave alice");
        await plain.SendAsync("MONITOR + alice");
        await plain.ExpectAsync(":parley 731 erin alice");

        await alice.SendAsync($"PRIVMSG NickServ :IDENTIFY alice {Password}");

        await watcher.ExpectAsync(":parley 730 dave alice!u@parley", ":alice!u@parley CHGHOST u alice.users.parley");
        await plain.ExpectAsync(":parley 730 erin alice!u@parley");
        Assert.Empty(await plain.DrainAsync());
    }
}

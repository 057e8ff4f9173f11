using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// Channel creator and owner, and <c>+n</c>, as clients expect them (modern.ircdocs.horse,
/// "Channel Operators", "Channel Modes"; RFC 2812 §4.2.5 for no external messages).
/// </summary>
public sealed class IrcChannelOperatorTests
{
    private const string Password = "correct-horse";

    // modern.ircdocs.horse, "Channel Operators": the creator of a channel is its operator (@).
    [Fact]
    public async Task Creator_of_a_channel_is_its_operator_with_at_not_owner()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("CAP REQ :multi-prefix");
        await alice.SendAsync("JOIN #new");

        var lines = await alice.DrainAsync();
        Assert.Contains(":parley 353 alice = #new @alice", lines);
    }

    // modern.ircdocs.horse, "No External Messages Mode" (+n) and RPL_CHANNELMODEIS (324):
    // shown, on by default, removable; without it a non-member may send to the channel.
    [Fact]
    public async Task Plus_n_is_on_for_new_channels_shown_in_324_and_removable()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();

        await alice.SendAsync("MODE #dev");
        await alice.ExpectAsync(":parley 324 alice #dev +n");
        await alice.DrainAsync();
        await bob.SendAsync("PRIVMSG #dev :from outside");
        await bob.ExpectAsync(":parley 404 bob #dev :Cannot send to channel");

        await alice.SendAsync("MODE #dev -n");
        await alice.ExpectAsync(":alice!u@parley MODE #dev -n");
        await bob.SendAsync("PRIVMSG #dev :from outside");
        await alice.ExpectAsync(":bob!u@parley PRIVMSG #dev :from outside");
        Assert.Empty(await bob.DrainAsync());
        await alice.SendAsync("MODE #dev +n");
        await alice.ExpectAsync(":alice!u@parley MODE #dev +n");
    }

    // modern.ircdocs.horse, MODE: "If <modestring> ... refers to a client that does not exist, ERR_NOSUCHNICK (401)".
    [Fact]
    public async Task Mode_plus_o_for_a_nick_that_does_not_exist_gets_401()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();

        await alice.SendAsync("MODE #dev +o nobody");

        Assert.Equal([":parley 401 alice nobody :No such nick/channel"], await alice.DrainAsync());
    }

    // modern.ircdocs.horse, "Channel Membership Prefixes": ~ (founder/owner) only where PREFIX
    // advertises it (PREFIX=(qov)~@+); the owner of a registered channel may deop itself.
    [Fact]
    public async Task Owner_of_a_registered_channel_is_shown_tilde_and_may_deop_itself()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using (var line = await server.ConnectNewAccountAsync("alice", Password))
        {
            await line.JoinAsync("#keep");
            Assert.Equal("OK registered #keep to alice", (await line.CommandAsync("/register #keep")).Reply);
        }

        await using var alice = await server.ConnectIrcAsync();
        await alice.SendAsync("PASS " + Password);
        await alice.RegisterAsync("alice");
        await alice.SendAsync("CAP REQ :multi-prefix");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #keep");
        Assert.Contains(":parley 353 alice = #keep ~@alice", await alice.DrainAsync());
        await bob.SendAsync("JOIN #keep");
        await alice.WaitForAsync(l => l == ":bob!u@parley JOIN #keep");
        await alice.SendAsync("MODE #keep +o bob");
        await alice.ExpectAsync(":alice!u@parley MODE #keep +o bob");
        await bob.WaitForAsync(l => l == ":alice!u@parley MODE #keep +o bob");

        await bob.SendAsync("MODE #keep -o alice");
        await bob.ExpectAsync(":parley 482 bob #keep :You're not channel operator");
        await alice.SendAsync("MODE #keep -o alice");
        await alice.ExpectAsync(":alice!u@parley MODE #keep -o alice");
        await alice.SendAsync("NAMES #keep");
        await alice.ExpectAsync(":parley 353 alice = #keep :~alice @bob", ":parley 366 alice #keep :End of /NAMES list");
    }
}

using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// History on JOIN for clients without draft/chathistory (Ergo's <c>history.autoreplay-on-join</c>;
/// ircv3.net/specs/extensions/chathistory leaves playback on join to the server): the latest
/// messages follow 366, as the PRIVMSGs they were, with <c>server-time</c> only where negotiated.
/// </summary>
public sealed class IrcAutoReplayTests
{
    [Fact]
    public async Task Join_replays_the_latest_messages_after_names()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Irc:AutoReplayOnJoin"] = "2" });
        await using var alice = await SpeakerAsync(server, "one words", "two words", "three words");
        await using var bob = await server.ConnectIrcAsAsync("bob");

        await bob.SendAsync("JOIN #dev");

        await bob.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        // History keeps no user name: the stored form is nick!nick@host (docs/irc.md).
        await bob.ExpectAsync(":alice!alice@parley PRIVMSG #dev :two words", ":alice!alice@parley PRIVMSG #dev :three words");
        Assert.Empty(await bob.DrainAsync());
    }

    [Fact]
    public async Task Replay_carries_server_time_when_negotiated()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await SpeakerAsync(server, "hello");
        await using var bob = await server.ConnectIrcAsync();
        await bob.SendAsync("CAP REQ :server-time");
        await bob.SendAsync("CAP END");
        await bob.RegisterAsync("bob");

        await bob.SendAsync("JOIN #dev");

        await bob.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        Assert.Matches(@"^@time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z :alice!alice@parley PRIVMSG #dev hello$", await bob.ReadLineAsync());
    }

    [Fact]
    public async Task Clients_with_chathistory_get_no_replay()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await SpeakerAsync(server, "hello");
        await using var bob = await server.ConnectIrcAsync();
        await bob.SendAsync("CAP REQ :draft/chathistory");
        await bob.SendAsync("CAP END");
        await bob.RegisterAsync("bob");

        await bob.SendAsync("JOIN #dev");

        await bob.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        Assert.Empty(await bob.DrainAsync());
    }

    [Fact]
    public async Task Zero_turns_replay_off()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Irc:AutoReplayOnJoin"] = "0" });
        await using var alice = await SpeakerAsync(server, "hello");
        await using var bob = await server.ConnectIrcAsAsync("bob");

        await bob.SendAsync("JOIN #dev");

        await bob.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        Assert.Empty(await bob.DrainAsync());
    }

    private static async Task<IrcTestClient> SpeakerAsync(ParleyTestServer server, params string[] messages)
    {
        var alice = await server.ConnectIrcAsAsync("alice");
        await alice.SendAsync("JOIN #dev");
        await alice.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        foreach (var text in messages)
            await alice.SendAsync($"PRIVMSG #dev :{text}");
        await alice.DrainAsync();
        return alice;
    }
}

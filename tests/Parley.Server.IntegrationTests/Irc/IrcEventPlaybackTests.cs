using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// draft/event-playback (ircv3.net/specs/extensions/chathistory, "event-playback"): joins, parts,
/// quits, kicks and topic changes kept in the room's history (SQLite) and returned by CHATHISTORY
/// to clients with the capability only; other clients and the line protocol's /history see messages.
/// </summary>
public sealed class IrcEventPlaybackTests
{
    private const string Caps = "batch server-time message-tags draft/chathistory";

    [Fact]
    public async Task Chathistory_with_event_playback_returns_joins_parts_kicks_quits_and_topics_among_the_messages()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var carol = await IrcChatHistoryTests.ConnectLoggedInAsync(server, "carol", Caps + " draft/event-playback");
        await using var plain = await IrcChatHistoryTests.ConnectLoggedInAsync(server, "plain", Caps);
        await carol.SendAsync("JOIN #dev");
        await carol.WaitForAsync(l => l.Contains(" 366 ", StringComparison.Ordinal));
        await plain.SendAsync("JOIN #dev");
        await carol.WaitForAsync(l => l.EndsWith(" JOIN #dev", StringComparison.Ordinal) && l.Contains("plain!", StringComparison.Ordinal));
        await using (var bob = await server.ConnectIrcAsAsync("bob"))
        {
            await bob.SendAsync("JOIN #dev");
            await carol.WaitForAsync(l => l.Contains("bob!u@parley JOIN #dev", StringComparison.Ordinal));
            await bob.SendAsync("PRIVMSG #dev :hello all");
            await bob.SendAsync("PART #dev :lunch");
            await carol.WaitForAsync(l => l.Contains("bob!u@parley PART #dev", StringComparison.Ordinal));
            await bob.SendAsync("JOIN #dev");
            await carol.WaitForAsync(l => l.Contains("bob!u@parley JOIN #dev", StringComparison.Ordinal));
            await carol.SendAsync("TOPIC #dev :release day");
            await carol.SendAsync("KICK #dev bob :enough");
            await carol.WaitForAsync(l => l.Contains(" KICK #dev bob ", StringComparison.Ordinal));
            await bob.SendAsync("JOIN #dev");
            await carol.WaitForAsync(l => l.Contains("bob!u@parley JOIN #dev", StringComparison.Ordinal));
            await bob.SendAsync("QUIT :bye");
            await carol.WaitForAsync(l => l.Contains("bob!u@parley QUIT", StringComparison.Ordinal));
        }

        await carol.SendAsync("CHATHISTORY LATEST #dev * 20");
        var lines = (await IrcChatHistoryTests.ReadBatchAsync(carol)).Select(IrcTestClient.WithoutTags).ToList();

        // Stored entries carry no user name (as messages in history): nick!nick@parley.
        Assert.Equal(
        [
            ":carol!carol@parley JOIN #dev",
            ":plain!plain@parley JOIN #dev",
            ":bob!bob@parley JOIN #dev",
            ":bob!bob@parley PRIVMSG #dev :hello all",
            ":bob!bob@parley PART #dev lunch",
            ":bob!bob@parley JOIN #dev",
            ":carol!carol@parley TOPIC #dev :release day",
            ":carol!carol@parley KICK #dev bob enough",
            ":bob!bob@parley JOIN #dev",
            ":bob!bob@parley QUIT bye",
        ], lines);

        await plain.SendAsync("PING sync");
        await plain.WaitForAsync(l => l.EndsWith("PONG parley sync", StringComparison.Ordinal));
        await plain.SendAsync("CHATHISTORY LATEST #dev * 20");
        var messages = (await IrcChatHistoryTests.ReadBatchAsync(plain)).Select(IrcTestClient.WithoutTags).ToList();
        Assert.Equal([":bob!bob@parley PRIVMSG #dev :hello all"], messages);
    }

    [Fact]
    public async Task Events_stay_out_of_the_line_protocols_history()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var dave = await server.ConnectAsAsync("dave");
        await dave.JoinAsync("#dev");
        await using (var bob = await server.ConnectIrcAsAsync("bob"))
        {
            await bob.SendAsync("JOIN #dev");
            await bob.SendAsync("PRIVMSG #dev :hi dave");
            await bob.SendAsync("PART #dev");
            await bob.SendAsync("PING sync");
            await bob.WaitForAsync(l => l.EndsWith("PONG parley sync", StringComparison.Ordinal));
        }

        var (reply, before) = await dave.CommandAsync("/history #dev");

        Assert.StartsWith("OK 1 message in #dev", reply, StringComparison.Ordinal);
        Assert.Single(before, l => l.StartsWith("HIST ", StringComparison.Ordinal));
    }
}

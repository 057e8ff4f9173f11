using System.Text.RegularExpressions;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// <c>CHATHISTORY TARGETS</c> (ircv3.net/specs/extensions/chathistory, "TARGETS"): the direct
/// message partners and channels with messages in a window, in a
/// <c>draft/chathistory-targets</c> batch, over the real SQLite stores.
/// </summary>
public sealed partial class IrcChatHistoryTests
{
    private const string Ever = "timestamp=2000-01-01T00:00:00.000Z timestamp=2100-01-01T00:00:00.000Z";
    private const string Stamp = @"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z";

    [Fact]
    public async Task Chathistory_targets_lists_direct_partners_and_channels_oldest_first_in_a_targets_batch()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await ConnectLoggedInAsync(server, "alice", Caps);
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await bob.SendAsync("PRIVMSG alice :hi alice");
        await alice.WaitForAsync(l => l.EndsWith("hi alice", StringComparison.Ordinal));
        await alice.SendAsync("JOIN #dev");
        await alice.WaitForAsync(l => l.Contains(" 366 ", StringComparison.Ordinal));
        await alice.SendAsync("PRIVMSG #dev :shipping");
        await alice.SendAsync("PING sync");
        await alice.WaitForAsync(l => l.EndsWith("PONG parley sync", StringComparison.Ordinal));

        await alice.SendAsync("CHATHISTORY TARGETS " + Ever + " 10");

        var start = await alice.ReadLineAsync();
        var id = Regex.Match(start, @"^:parley BATCH \+(\S+) draft/chathistory-targets$").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Matches($"^@batch={id} :parley CHATHISTORY TARGETS bob {Stamp}$", await alice.ReadLineAsync());
        Assert.Matches($"^@batch={id} :parley CHATHISTORY TARGETS #dev {Stamp}$", await alice.ReadLineAsync());
        await alice.ExpectAsync($":parley BATCH -{id}");
    }

    [Fact]
    public async Task Chathistory_targets_outside_the_window_or_past_the_limit_are_left_out()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await ConnectLoggedInAsync(server, "alice", Caps);
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await using var carol = await server.ConnectIrcAsAsync("carol");
        await bob.SendAsync("PRIVMSG alice :from bob");
        await alice.WaitForAsync(l => l.EndsWith("from bob", StringComparison.Ordinal));
        await carol.SendAsync("PRIVMSG alice :from carol");
        await alice.WaitForAsync(l => l.EndsWith("from carol", StringComparison.Ordinal));

        await alice.SendAsync("CHATHISTORY TARGETS timestamp=2000-01-01T00:00:00.000Z timestamp=2001-01-01T00:00:00.000Z 10");
        Assert.Empty(await ReadBatchAsync(alice));
        // Ascending keeps the oldest, descending (the first time later) the newest (as BETWEEN).
        await alice.SendAsync("CHATHISTORY TARGETS " + Ever + " 1");
        Assert.Matches($" CHATHISTORY TARGETS bob {Stamp}$", Assert.Single(await ReadBatchAsync(alice)));
        await alice.SendAsync("CHATHISTORY TARGETS timestamp=2100-01-01T00:00:00.000Z timestamp=2000-01-01T00:00:00.000Z 1");
        Assert.Matches($" CHATHISTORY TARGETS carol {Stamp}$", Assert.Single(await ReadBatchAsync(alice)));
    }

    [Fact]
    public async Task Chathistory_targets_for_a_guest_without_batch_are_its_channels_alone()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var guest = await server.ConnectIrcAsync();
        await guest.SendAsync("CAP REQ :draft/chathistory");
        await guest.ReadLineAsync();
        await guest.SendAsync("CAP END");
        await guest.RegisterAsync("guest");
        await guest.SendAsync("JOIN #dev");
        await guest.WaitForAsync(l => l.Contains(" 366 ", StringComparison.Ordinal));
        await guest.SendAsync("PRIVMSG #dev :hello");
        await guest.SendAsync("PING sync");
        await guest.WaitForAsync(l => l.EndsWith("PONG parley sync", StringComparison.Ordinal));

        await guest.SendAsync("CHATHISTORY TARGETS " + Ever + " 10");

        Assert.Matches($"^:parley CHATHISTORY TARGETS #dev {Stamp}$", await guest.ReadLineAsync());
        await guest.SendAsync("PING end");
        await guest.ExpectAsync(":parley PONG parley end");
    }
}

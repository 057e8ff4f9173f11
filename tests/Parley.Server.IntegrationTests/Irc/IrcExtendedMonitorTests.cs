using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// IRCv3 extended-monitor (ircv3.net/specs/extensions/extended-monitor): with it, a client gets the
/// AWAY, ACCOUNT and SETNAME notifications of the nicks it MONITORs, sharing a channel or not, each
/// only with away-notify, account-notify or setname enabled too.
/// </summary>
public sealed class IrcExtendedMonitorTests
{
    [Fact]
    public async Task Cap_ls_offers_extended_monitor()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsync();

        await irc.SendAsync("CAP LS");

        var (ls, _) = await irc.WaitForAsync(l => l.Contains(" LS ", StringComparison.Ordinal));
        Assert.Contains(" extended-monitor ", ls + " ", StringComparison.Ordinal);
    }

    // extended-monitor: "If away-notify is also enabled, the client will get AWAY notifications
    // for monitored nicks"; "If setname is also enabled ... SETNAME"; "account-notify ... ACCOUNT".
    [Fact]
    public async Task A_monitored_nick_sharing_no_channel_is_told_with_each_cap()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await IrcMessageTagTests.ConnectWithCapsAsync(server, "alice", "extended-monitor away-notify setname account-notify");
        await using var bob = await IrcMessageTagTests.ConnectWithCapsAsync(server, "bob", "setname");
        await alice.SendAsync("MONITOR + bob");
        await alice.ExpectAsync(":parley 730 alice bob!u@parley");

        await bob.SendAsync("AWAY :at lunch");
        await alice.ExpectAsync(":bob!u@parley AWAY :at lunch");
        await bob.SendAsync("AWAY");
        await alice.ExpectAsync(":bob!u@parley AWAY");
        await bob.SendAsync("SETNAME :Bob Builder");
        await alice.ExpectAsync(":bob!u@parley SETNAME :Bob Builder");
        await bob.SendAsync("REGISTER * * correct-horse");
        await alice.ExpectAsync(":bob!u@parley ACCOUNT bob");
    }

    // Without extended-monitor (or without the notification's own cap) nothing comes for a
    // monitored nick outside a channel; sharing a channel, the line comes once, not twice.
    [Fact]
    public async Task Without_the_caps_nothing_comes_and_a_channel_peer_gets_one_line()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var plain = await IrcMessageTagTests.ConnectWithCapsAsync(server, "carol", "away-notify");
        await using var noAway = await IrcMessageTagTests.ConnectWithCapsAsync(server, "dave", "extended-monitor");
        await using var peer = await IrcMessageTagTests.ConnectWithCapsAsync(server, "erin", "extended-monitor away-notify");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        foreach (var watcher in new[] { plain, noAway, peer })
        {
            await watcher.SendAsync("MONITOR + bob");
            await watcher.WaitForAsync(l => IrcTestClient.IsNumeric(l, "730"));
        }

        await bob.SendAsync("JOIN #dev");
        await bob.DrainAsync();
        await peer.SendAsync("JOIN #dev");
        await peer.DrainAsync();

        await bob.SendAsync("AWAY :gone fishing");
        await bob.DrainAsync();

        Assert.Equal([":bob!u@parley AWAY :gone fishing"], await peer.DrainAsync());
        Assert.Empty(await plain.DrainAsync());
        Assert.Empty(await noAway.DrainAsync());
    }
}

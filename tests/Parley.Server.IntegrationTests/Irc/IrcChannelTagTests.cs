using System.Text.RegularExpressions;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// IRCv3 tags on channels: room messages carry <c>msgid</c> and <c>account</c> as direct messages
/// do, client-only tags are relayed to members, and <c>TAGMSG #channel</c>.
/// </summary>
public sealed partial class IrcChannelTagTests
{
    private const string Time = @"time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z";

    [Fact]
    public async Task Room_message_carries_all_tags_to_message_tags_members_time_to_server_time_members_and_none_to_others()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await IrcMessageTagTests.ConnectLoggedInAsync(server, "alice");
        await using var bob = await IrcMessageTagTests.ConnectWithCapsAsync(server, "bob", "message-tags");
        await using var carol = await IrcMessageTagTests.ConnectWithCapsAsync(server, "carol", "server-time");
        await using var dave = await server.ConnectIrcAsAsync("dave");
        await JoinAllAsync("#dev", alice, bob, carol, dave);

        await alice.SendAsync("PRIVMSG #dev :hi there");

        Assert.Matches($@"^@{Time};account=alice;msgid=\d+ :alice!u@parley PRIVMSG #dev :hi there$", await bob.ReadLineAsync());
        Assert.Matches($"^@{Time} :alice!u@parley PRIVMSG #dev :hi there$", await carol.ReadLineAsync());
        await dave.ExpectAsync(":alice!u@parley PRIVMSG #dev :hi there");
    }

    [Fact]
    public async Task Channel_privmsg_relays_client_tags_to_message_tags_members_and_echoes_the_same_line()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await IrcMessageTagTests.ConnectWithCapsAsync(server, "alice", "message-tags echo-message");
        await using var bob = await IrcMessageTagTests.ConnectWithCapsAsync(server, "bob", "message-tags");
        await using var dave = await server.ConnectIrcAsAsync("dave");
        await JoinAllAsync("#dev", alice, bob, dave);

        await alice.SendAsync("@+draft/reply=42;+example=a\\sb PRIVMSG #dev :hi there");

        var received = await bob.ReadLineAsync();
        Assert.Matches($@"^@{Time};msgid=\d+;\+draft/reply=42;\+example=a\\sb :alice!u@parley PRIVMSG #dev :hi there$", received);
        Assert.Equal(received, await alice.ReadLineAsync());
        await dave.ExpectAsync(":alice!u@parley PRIVMSG #dev :hi there");
    }

    [Fact]
    public async Task Long_room_message_split_for_irc_gets_msgids_with_line_suffixes()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var bob = await IrcMessageTagTests.ConnectWithCapsAsync(server, "bob", "message-tags");
        await JoinAllAsync("#dev", bob);
        await using var dave = await server.ConnectAsAsync("dave");
        await dave.JoinAsync("#dev");
        await bob.WaitForAsync(l => l.EndsWith(" JOIN #dev", StringComparison.Ordinal));

        await dave.CommandAsync("/say #dev " + string.Join(' ', Enumerable.Repeat("word", 150)));

        var first = await bob.ReadLineAsync();
        var second = await bob.ReadLineAsync();
        var id = MsgIdPattern().Match(first).Groups[1].Value;
        Assert.Matches(@"^\d+$", id);
        Assert.Equal(id + ".1", MsgIdPattern().Match(second).Groups[1].Value);
    }

    [Fact]
    public async Task Labeled_echo_of_a_channel_message_carries_the_members_tags_and_the_label()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await IrcMessageTagTests.ConnectLoggedInAsync(server, "alice", "message-tags echo-message labeled-response batch");
        await using var bob = await IrcMessageTagTests.ConnectWithCapsAsync(server, "bob", "message-tags");
        await JoinAllAsync("#dev", alice, bob);

        await alice.SendAsync("@label=x1;+example=1 PRIVMSG #dev :hi there");

        var received = await bob.ReadLineAsync();
        Assert.Matches($@"^@{Time};account=alice;msgid=\d+;\+example=1 :alice!u@parley PRIVMSG #dev :hi there$", received);
        var echo = await alice.ReadLineAsync();
        Assert.Contains(";label=x1 ", echo, StringComparison.Ordinal);
        Assert.Equal(received, echo.Replace(";label=x1", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tagmsg_to_a_channel_reaches_message_tags_members_only_and_is_echoed()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await IrcMessageTagTests.ConnectWithCapsAsync(server, "alice", "message-tags echo-message");
        await using var bob = await IrcMessageTagTests.ConnectWithCapsAsync(server, "bob", "message-tags");
        await using var dave = await server.ConnectIrcAsAsync("dave");
        await using var eve = await IrcMessageTagTests.ConnectWithCapsAsync(server, "eve", "message-tags");
        await JoinAllAsync("#dev", alice, bob, dave);

        await alice.SendAsync("@+typing=active TAGMSG #dev");

        var relayed = await bob.ReadLineAsync();
        Assert.Matches($@"^@{Time};msgid=t[0-9a-f]{{32}};\+typing=active :alice!u@parley TAGMSG #dev$", relayed);
        Assert.Equal(relayed, await alice.ReadLineAsync());
        Assert.Empty(await dave.DrainAsync());
        Assert.Empty(await eve.DrainAsync());
    }

    [Fact]
    public async Task Tagmsg_to_a_channel_from_a_non_member_gets_404_and_to_no_channel_403()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await IrcMessageTagTests.ConnectWithCapsAsync(server, "alice", "message-tags");
        await using var bob = await IrcMessageTagTests.ConnectWithCapsAsync(server, "bob", "message-tags");
        await JoinAllAsync("#dev", alice);

        await bob.SendAsync("@+typing=active TAGMSG #dev");
        await bob.SendAsync("@+typing=active TAGMSG #nope");

        await bob.ExpectAsync(
            ":parley 404 bob #dev :Cannot send to channel",
            ":parley 403 bob #nope :No such channel");
        Assert.Empty(await alice.DrainAsync());
    }

    [Fact]
    public async Task Msgid_of_a_live_channel_message_is_the_one_chathistory_returns()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await IrcMessageTagTests.ConnectWithCapsAsync(server, "bob", "batch server-time message-tags draft/chathistory");
        await JoinAllAsync("#dev", alice, bob);

        await alice.SendAsync("PRIVMSG #dev :shipping it");
        var live = await bob.ReadLineAsync();
        await bob.SendAsync("CHATHISTORY LATEST #dev * 10");

        var start = await bob.ReadLineAsync();
        var batch = Regex.Match(start, @"^:parley BATCH \+(\S+) chathistory #dev$").Groups[1].Value;
        var stored = await bob.ReadLineAsync();
        await bob.ExpectAsync($":parley BATCH -{batch}");
        Assert.EndsWith(" PRIVMSG #dev :shipping it", stored, StringComparison.Ordinal);
        Assert.Matches(@"^\d+$", MsgIdPattern().Match(live).Groups[1].Value);
        Assert.Equal(MsgIdPattern().Match(live).Groups[1].Value, MsgIdPattern().Match(stored).Groups[1].Value);
    }

    // Joins each client in turn, then drains everyone: the JOIN lines of later joiners are read.
    private static async Task JoinAllAsync(string channel, params IrcTestClient[] clients)
    {
        foreach (var client in clients)
        {
            await client.SendAsync("JOIN " + channel);
            await client.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        }

        foreach (var client in clients)
            await client.DrainAsync();
    }

    [GeneratedRegex(@"msgid=([^;\s]+)")]
    private static partial Regex MsgIdPattern();
}

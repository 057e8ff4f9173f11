using System.Text.RegularExpressions;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// draft/message-redaction (ircv3.net/specs/extensions/message-redaction): REDACT by the author,
/// a channel operator or a server operator; relayed to members with the capability only (no
/// fallback), removed from CHATHISTORY and the line protocol's /history; the spec's FAIL codes.
/// </summary>
public sealed partial class IrcRedactionTests
{
    private const string Caps = "batch server-time message-tags echo-message draft/chathistory draft/message-redaction";

    [Fact]
    public async Task Redact_by_the_author_reaches_members_with_the_capability_and_leaves_history()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await IrcChatHistoryTests.ConnectLoggedInAsync(server, "alice", Caps);
        await using var bob = await IrcChatHistoryTests.ConnectLoggedInAsync(server, "bob", Caps);
        await using var plain = await server.ConnectIrcAsAsync("plain");
        await using var line = await server.ConnectAsAsync("liner");
        await alice.SendAsync("JOIN #dev");
        await alice.WaitForAsync(l => l.Contains(" 366 ", StringComparison.Ordinal));
        foreach (var other in new[] { bob, plain })
        {
            await other.SendAsync("JOIN #dev");
            await other.WaitForAsync(l => l.Contains(" 366 ", StringComparison.Ordinal));
        }

        await line.JoinAsync("#dev");
        await alice.SendAsync("PRIVMSG #dev :oops wrong channel");
        var (echo, _) = await alice.WaitForAsync(l => l.EndsWith("PRIVMSG #dev :oops wrong channel", StringComparison.Ordinal));
        var id = MsgId(echo);
        await bob.WaitForAsync(l => l.EndsWith("oops wrong channel", StringComparison.Ordinal));
        await plain.WaitForAsync(l => l.EndsWith("oops wrong channel", StringComparison.Ordinal));

        await alice.SendAsync($"REDACT #dev {id} :wrong channel");

        var (toBob, _) = await bob.WaitForAsync(l => l.Contains(" REDACT ", StringComparison.Ordinal));
        Assert.Matches($@" :alice![^@ ]+@parley REDACT #dev {id} :wrong channel$", toBob);
        var (toAlice, _) = await alice.WaitForAsync(l => l.Contains(" REDACT ", StringComparison.Ordinal));
        Assert.Matches($@" :alice![^@ ]+@parley REDACT #dev {id} :wrong channel$", toAlice);
        // "MUST not forward this REDACT to target recipients that have not negotiated": no fallback.
        await plain.SendAsync("PING sync");
        var (_, plainSaw) = await plain.WaitForAsync(l => l.EndsWith("PONG parley sync", StringComparison.Ordinal));
        Assert.DoesNotContain(plainSaw, l => l.Contains("REDACT", StringComparison.Ordinal));
        await bob.SendAsync("CHATHISTORY LATEST #dev * 10");
        Assert.Empty(await IrcChatHistoryTests.ReadBatchAsync(bob));
        // The line protocol's history too (the live RM line it saw before stays, as on IRC).
        var (reply, before) = await line.CommandAsync("/history #dev");
        Assert.StartsWith("OK", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(before, l => l.Contains("oops", StringComparison.Ordinal) && !l.StartsWith("RM ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Redact_of_someone_elses_message_needs_a_channel_operator()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var op = await IrcChatHistoryTests.ConnectLoggedInAsync(server, "carol", Caps);
        await using var bob = await IrcChatHistoryTests.ConnectLoggedInAsync(server, "bob", Caps);
        await using var dave = await IrcChatHistoryTests.ConnectLoggedInAsync(server, "dave", Caps);
        foreach (var client in new[] { op, bob, dave })
        {
            await client.SendAsync("JOIN #dev");
            await client.WaitForAsync(l => l.Contains(" 366 ", StringComparison.Ordinal));
        }

        await bob.SendAsync("PRIVMSG #dev :join my network");
        var (seen, _) = await op.WaitForAsync(l => l.EndsWith("join my network", StringComparison.Ordinal));
        var id = MsgId(seen);

        await dave.SendAsync($"REDACT #dev {id} spam");
        await dave.WaitForAsync(l => l == $":parley FAIL REDACT REDACT_FORBIDDEN #dev {id} :You are not authorised to delete this message");
        await op.SendAsync($"REDACT #dev {id} spam");
        var (toBob, _) = await bob.WaitForAsync(l => l.Contains(" REDACT ", StringComparison.Ordinal));
        Assert.Matches($@" :carol![^@ ]+@parley REDACT #dev {id} spam$", toBob);
        await op.SendAsync($"REDACT #dev {id}");
        await op.WaitForAsync(l => l.Contains($":parley FAIL REDACT UNKNOWN_MSGID #dev {id} :This message does not exist or is too old", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Redact_of_a_direct_message_by_its_author_reaches_both_and_leaves_history()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await IrcChatHistoryTests.ConnectLoggedInAsync(server, "alice", Caps);
        await using var bob = await IrcChatHistoryTests.ConnectLoggedInAsync(server, "bob", Caps);
        await alice.SendAsync("PRIVMSG bob :a secret");
        var (received, _) = await bob.WaitForAsync(l => l.EndsWith("PRIVMSG bob :a secret", StringComparison.Ordinal));
        var id = MsgId(received);

        await bob.SendAsync($"REDACT alice {id}");
        await bob.ExpectAsync($":parley FAIL REDACT REDACT_FORBIDDEN alice {id} :You are not authorised to delete this message");
        await alice.SendAsync($"REDACT bob {id}");

        var (toBob, _) = await bob.WaitForAsync(l => l.Contains(" REDACT ", StringComparison.Ordinal));
        Assert.Matches($@" :alice![^@ ]+@parley REDACT bob {id}$", toBob);
        await alice.WaitForAsync(l => l.EndsWith($" REDACT bob {id}", StringComparison.Ordinal));
        await bob.SendAsync("CHATHISTORY LATEST alice * 10");
        Assert.Empty(await IrcChatHistoryTests.ReadBatchAsync(bob));
    }

    [Fact]
    public async Task Redact_by_a_server_operator_works_from_outside_the_channel()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Operators:0"] = "root" });
        await using var root = await IrcChatHistoryTests.ConnectLoggedInAsync(server, "root", Caps);
        await using var bob = await IrcChatHistoryTests.ConnectLoggedInAsync(server, "bob", Caps);
        await bob.SendAsync("JOIN #dev");
        await bob.WaitForAsync(l => l.Contains(" 366 ", StringComparison.Ordinal));
        await bob.SendAsync("PRIVMSG #dev :buy cheap pills");
        var (echo, _) = await bob.WaitForAsync(l => l.EndsWith("PRIVMSG #dev :buy cheap pills", StringComparison.Ordinal));
        var id = MsgId(echo);

        await root.SendAsync($"REDACT #dev {id} spam");

        var (toBob, _) = await bob.WaitForAsync(l => l.Contains(" REDACT ", StringComparison.Ordinal));
        Assert.Matches($@" :root![^@ ]+@parley REDACT #dev {id} spam$", toBob);
        var (toRoot, _) = await root.WaitForAsync(l => l.Contains(" REDACT ", StringComparison.Ordinal));
        Assert.Matches($@" :root![^@ ]+@parley REDACT #dev {id} spam$", toRoot);
    }

    [Theory]
    [InlineData("REDACT #dev", ":parley FAIL REDACT NEED_MORE_PARAMS :Not enough parameters")]
    [InlineData("REDACT #nowhere 123", ":parley FAIL REDACT INVALID_TARGET #nowhere :You cannot delete messages from #nowhere")]
    [InlineData("REDACT bob 123", ":parley FAIL REDACT INVALID_TARGET bob :You cannot delete messages from bob")]
    [InlineData("REDACT bob nonsense", ":parley FAIL REDACT UNKNOWN_MSGID bob nonsense :This message does not exist or is too old")]
    public async Task Redact_errors_are_the_specs_fail_codes(string line, string expected)
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var guest = await server.ConnectIrcAsAsync("guest");

        await guest.SendAsync(line);

        await guest.ExpectAsync(expected);
    }

    private static string MsgId(string line) => MsgIdPattern().Match(line).Groups[1].Value;

    [GeneratedRegex(@"msgid=([^;\s]+)")]
    private static partial Regex MsgIdPattern();
}

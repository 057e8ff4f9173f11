using System.Text.RegularExpressions;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// draft/multiline (ircv3.net/specs/extensions/multiline): a client batch of PRIVMSG lines is one
/// message, stored once; relayed as a batch to recipients with the capability, as separate lines
/// to the others; the spec's FAIL BATCH codes; an unfinished batch is dropped at disconnect.
/// </summary>
public sealed partial class IrcMultilineTests
{
    private const string Caps = "batch draft/multiline echo-message";

    [Fact]
    public async Task Cap_value_advertises_the_limits_and_multiline_without_batch_is_refused()
    {
        // "Capability": draft/multiline=max-bytes=...[,max-lines=...]; batch is a dependency.
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsync();
        await alice.SendAsync("CAP LS 302");
        Assert.Contains(" draft/multiline=max-bytes=4096,max-lines=24 ", await alice.ReadLineAsync(), StringComparison.Ordinal);

        await alice.SendAsync("CAP REQ :draft/multiline");
        await alice.ExpectAsync(":parley CAP * NAK draft/multiline");
        await alice.SendAsync("CAP REQ :batch draft/multiline");
        await alice.ExpectAsync(":parley CAP * ACK :batch draft/multiline");
    }

    [Fact]
    public async Task Batch_to_a_channel_is_one_message_a_batch_for_cap_holders_and_lines_for_the_others()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob, carol) = await JoinThreeAsync(server);
        await using var _ = alice;
        await using var __ = bob;
        await using var ___ = carol;
        await using var line = await server.ConnectAsAsync("liner");
        await line.JoinAsync("#dev");

        await SendBatchAsync(alice, "#dev", "PRIVMSG #dev :hello there", "PRIVMSG #dev :", "PRIVMSG #dev :big world");

        // "Server behaviour": a batch with the msgid on the opening BATCH, each line tagged batch=.
        var (open, _) = await bob.WaitForAsync(l => l.Contains(" BATCH +", StringComparison.Ordinal));
        var id = MsgId(open);
        Assert.Equal($"@msgid={id} :alice!u@parley BATCH +ml{id} draft/multiline #dev", open);
        await bob.ExpectAsync(
            $"@batch=ml{id} :alice!u@parley PRIVMSG #dev :hello there",
            $"@batch=ml{id} :alice!u@parley PRIVMSG #dev :",
            $"@batch=ml{id} :alice!u@parley PRIVMSG #dev :big world",
            $":alice!u@parley BATCH -ml{id}");
        // echo-message: the sender's copy is the same batch.
        await alice.WaitForAsync(l => l == open);
        await alice.ExpectAsync(
            $"@batch=ml{id} :alice!u@parley PRIVMSG #dev :hello there",
            $"@batch=ml{id} :alice!u@parley PRIVMSG #dev :",
            $"@batch=ml{id} :alice!u@parley PRIVMSG #dev :big world",
            $":alice!u@parley BATCH -ml{id}");
        // "Fallback": without the capability, each (non-blank) line as a PRIVMSG of its own.
        await carol.WaitForAsync(l => l == ":alice!u@parley PRIVMSG #dev :hello there");
        await carol.ExpectAsync(":alice!u@parley PRIVMSG #dev :big world");
        // The line protocol has one line per message: the lines joined with spaces.
        await line.WaitForAsync(l => l == "RM #dev alice: hello there  big world");
        // Stored once: one history record.
        var (reply, records) = await line.CommandAsync("/history #dev");
        Assert.StartsWith("OK", reply, StringComparison.Ordinal);
        Assert.Single(records, l => l.StartsWith("HIST ", StringComparison.Ordinal) && l.EndsWith("alice -> #dev: hello there  big world", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concat_lines_join_the_previous_line_without_a_break()
    {
        // "Client tags": draft/multiline-concat joins a line to the previous one.
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob, carol) = await JoinThreeAsync(server);
        await using var _ = alice;
        await using var __ = bob;
        await using var ___ = carol;

        await alice.SendAsync("BATCH +c draft/multiline #dev");
        await alice.SendAsync("@batch=c PRIVMSG #dev :hello ");
        await alice.SendAsync("@batch=c;draft/multiline-concat PRIVMSG #dev :big world");
        await alice.SendAsync("@batch=c PRIVMSG #dev :once again");
        await alice.SendAsync("BATCH -c");

        var (open, _) = await bob.WaitForAsync(l => l.Contains(" BATCH +", StringComparison.Ordinal));
        var id = MsgId(open);
        await bob.ExpectAsync($"@batch=ml{id} :alice!u@parley PRIVMSG #dev :hello big world");
        await bob.ExpectAsync($"@batch=ml{id} :alice!u@parley PRIVMSG #dev :once again");
        await bob.ExpectAsync($":alice!u@parley BATCH -ml{id}");
        await carol.WaitForAsync(l => l == ":alice!u@parley PRIVMSG #dev :hello big world");
        await carol.ExpectAsync(":alice!u@parley PRIVMSG #dev :once again");
    }

    [Fact]
    public async Task Line_too_long_for_one_relayed_line_goes_on_with_concat_lines()
    {
        // "Server behaviour": a line over 512 bytes is relayed as concat continuations; the
        // fallback is consecutive PRIVMSGs, as for any long text (docs/irc.md, Long messages).
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob, carol) = await JoinThreeAsync(server);
        await using var _ = alice;
        await using var __ = bob;
        await using var ___ = carol;
        var whole = new string('a', 450) + new string('b', 450);

        await alice.SendAsync("BATCH +l draft/multiline #dev");
        await alice.SendAsync("@batch=l PRIVMSG #dev :" + new string('a', 450));
        await alice.SendAsync("@batch=l;draft/multiline-concat PRIVMSG #dev :" + new string('b', 450));
        await alice.SendAsync("BATCH -l");

        var (open, _) = await bob.WaitForAsync(l => l.Contains(" BATCH +", StringComparison.Ordinal));
        var id = MsgId(open);
        var first = await bob.ReadLineAsync();
        var second = await bob.ReadLineAsync();
        await bob.ExpectAsync($":alice!u@parley BATCH -ml{id}");
        Assert.StartsWith($"@batch=ml{id} :alice!u@parley PRIVMSG #dev ", first, StringComparison.Ordinal);
        Assert.StartsWith($"@batch=ml{id};draft/multiline-concat :alice!u@parley PRIVMSG #dev ", second, StringComparison.Ordinal);
        Assert.Equal(whole, Text(first) + Text(second));
        var (carolFirst, _) = await carol.WaitForAsync(l => l.StartsWith(":alice!u@parley PRIVMSG #dev ", StringComparison.Ordinal));
        var carolSecond = await carol.ReadLineAsync();
        Assert.Equal(whole, Text(carolFirst) + Text(carolSecond));
        Assert.All(new[] { first, second, carolFirst, carolSecond }, l => Assert.True(System.Text.Encoding.UTF8.GetByteCount(IrcTestClient.WithoutTags(l)) <= 510));
    }

    [Fact]
    public async Task Batch_to_a_nick_is_a_direct_message()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await IrcMessageTagTests.ConnectWithCapsAsync(server, "alice", Caps);
        await using var bob = await IrcMessageTagTests.ConnectWithCapsAsync(server, "bob", Caps);
        await using var carol = await server.ConnectIrcAsAsync("carol");

        await SendBatchAsync(alice, "bob", "PRIVMSG bob :one more", "PRIVMSG bob :two more");
        await SendBatchAsync(alice, "carol", "NOTICE carol :one more", "NOTICE carol :two more");

        var (open, _) = await bob.WaitForAsync(l => l.Contains(" BATCH +", StringComparison.Ordinal));
        var id = MsgId(open);
        Assert.Equal($"@msgid={id} :alice!u@parley BATCH +ml{id} draft/multiline bob", open);
        await bob.ExpectAsync(
            $"@batch=ml{id} :alice!u@parley PRIVMSG bob :one more",
            $"@batch=ml{id} :alice!u@parley PRIVMSG bob :two more",
            $":alice!u@parley BATCH -ml{id}");
        await carol.WaitForAsync(l => l == ":alice!u@parley NOTICE carol :one more");
        await carol.ExpectAsync(":alice!u@parley NOTICE carol :two more");
    }

    [Theory]
    // "Errors": each FAIL BATCH code; nothing of the batch is delivered.
    [InlineData("too many lines", "FAIL BATCH MULTILINE_MAX_LINES 24 :Multiline batch max-lines exceeded")]
    [InlineData("too many bytes", "FAIL BATCH MULTILINE_MAX_BYTES 4096 :Multiline batch max-bytes exceeded")]
    [InlineData("other target", "FAIL BATCH MULTILINE_INVALID_TARGET #dev #other :Invalid multiline target")]
    [InlineData("mixed commands", "FAIL BATCH MULTILINE_INVALID :Multiline batch mixes PRIVMSG and NOTICE")]
    [InlineData("empty concat", "FAIL BATCH MULTILINE_INVALID :Multiline concat line is empty")]
    [InlineData("blank only", "FAIL BATCH MULTILINE_INVALID :Multiline batch has no content")]
    public async Task Invalid_batch_fails_and_delivers_nothing(string kind, string fail)
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob, carol) = await JoinThreeAsync(server);
        await using var _ = alice;
        await using var __ = bob;
        await using var ___ = carol;

        var lines = kind switch
        {
            "too many lines" => Enumerable.Range(0, 25).Select(i => $"PRIVMSG #dev :line {i}").ToArray(),
            "too many bytes" => Enumerable.Range(0, 11).Select(_ => "PRIVMSG #dev :" + new string('x', 400)).ToArray(),
            "other target" => ["PRIVMSG #dev :a", "PRIVMSG #other :b"],
            "mixed commands" => ["PRIVMSG #dev :a", "NOTICE #dev :b"],
            "empty concat" => ["PRIVMSG #dev :a", "+concat"],
            _ => ["PRIVMSG #dev :", "PRIVMSG #dev : "],
        };
        await alice.SendAsync("BATCH +f draft/multiline #dev");
        foreach (var l in lines)
            await alice.SendAsync(l == "+concat" ? "@batch=f;draft/multiline-concat PRIVMSG #dev :" : "@batch=f " + l);
        await alice.SendAsync("BATCH -f");

        await alice.ExpectAsync(":parley " + fail);
        // Nothing reached the others: the next message is the first they see.
        await alice.SendAsync("PRIVMSG #dev :after all");
        var (_, bobSaw) = await bob.WaitForAsync(l => l.EndsWith("PRIVMSG #dev :after all", StringComparison.Ordinal));
        Assert.DoesNotContain(bobSaw, l => l.Contains("PRIVMSG", StringComparison.Ordinal) || l.Contains("BATCH", StringComparison.Ordinal));
        var (_, carolSaw) = await carol.WaitForAsync(l => l.EndsWith("PRIVMSG #dev :after all", StringComparison.Ordinal));
        Assert.DoesNotContain(carolSaw, l => l.Contains("PRIVMSG", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unfinished_batch_is_dropped_at_disconnect()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var (alice, bob, carol) = await JoinThreeAsync(server);
        await using var _ = alice;
        await using var __ = bob;
        await using var ___ = carol;

        await alice.SendAsync("BATCH +u draft/multiline #dev");
        await alice.SendAsync("@batch=u PRIVMSG #dev :never sent");
        await alice.SendAsync("QUIT :bye");
        await alice.ReadUntilClosedAsync();

        var (_, bobSaw) = await bob.WaitForAsync(l => l.Contains(" QUIT ", StringComparison.Ordinal));
        Assert.DoesNotContain(bobSaw, l => l.Contains("never sent", StringComparison.Ordinal));
        await bob.SendAsync("PRIVMSG #dev :sync");
        await using var line = await server.ConnectAsAsync("liner");
        var joined = await line.JoinAsync("#dev");
        Assert.DoesNotContain(joined, l => l.Contains("never sent", StringComparison.Ordinal));
        var (_, records) = await line.CommandAsync("/history #dev");
        Assert.DoesNotContain(records, l => l.Contains("never sent", StringComparison.Ordinal));
    }

    // alice and bob with draft/multiline, carol without; all in #dev, with the JOINs read.
    private static async Task<(IrcTestClient Alice, IrcTestClient Bob, IrcTestClient Carol)> JoinThreeAsync(ParleyTestServer server)
    {
        var alice = await IrcMessageTagTests.ConnectWithCapsAsync(server, "alice", Caps);
        var bob = await IrcMessageTagTests.ConnectWithCapsAsync(server, "bob", Caps);
        var carol = await server.ConnectIrcAsAsync("carol");
        foreach (var client in new[] { alice, bob, carol })
        {
            await client.SendAsync("JOIN #dev");
            await client.WaitForAsync(l => l.Contains(" 366 ", StringComparison.Ordinal));
        }

        // Everyone has seen carol's JOIN: what follows is the test's.
        await alice.WaitForAsync(l => l.StartsWith(":carol!", StringComparison.Ordinal) && l.Contains(" JOIN ", StringComparison.Ordinal));
        await bob.WaitForAsync(l => l.StartsWith(":carol!", StringComparison.Ordinal) && l.Contains(" JOIN ", StringComparison.Ordinal));
        return (alice, bob, carol);
    }

    private static async Task SendBatchAsync(IrcTestClient client, string target, params string[] lines)
    {
        await client.SendAsync("BATCH +b draft/multiline " + target);
        foreach (var line in lines)
            await client.SendAsync("@batch=b " + line);
        await client.SendAsync("BATCH -b");
    }

    // The text of a "... PRIVMSG #dev [:]text" line (a one-word text needs no colon).
    private static string Text(string line)
    {
        var text = line[(line.IndexOf(" PRIVMSG #dev ", StringComparison.Ordinal) + " PRIVMSG #dev ".Length)..];
        return text.StartsWith(':') ? text[1..] : text;
    }

    private static string MsgId(string line) => MsgIdPattern().Match(line).Groups[1].Value;

    [GeneratedRegex("msgid=([^; ]+)")]
    private static partial Regex MsgIdPattern();
}

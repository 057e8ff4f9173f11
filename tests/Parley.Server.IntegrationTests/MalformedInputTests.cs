using System.Text;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

public sealed class MalformedInputTests
{
    [Fact]
    public async Task Overlong_line_is_refused_and_the_next_line_is_read_normally()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.ExpectAsync("SYS bob joined");

        await alice.SendAsync(new string('x', 100_000));
        await alice.SendAsync("@bob:still here");

        await alice.ExpectAsync("ERR LINE_TOO_LONG lines are at most 4096 bytes");
        await alice.ExpectAsync("OK delivered to bob");
        Assert.Equal(["DM alice: still here"], await bob.DrainAsync());
    }

    [Fact]
    public async Task Line_of_exactly_4096_bytes_is_accepted_and_4097_refused()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.ExpectAsync("SYS bob joined");
        var prefix = "@bob:";

        await alice.SendAsync(prefix + new string('a', 4096 - prefix.Length));
        await alice.SendRawAsync(Encoding.ASCII.GetBytes(prefix + new string('b', 4096 - prefix.Length) + "\r\n"));
        await alice.SendAsync(prefix + new string('c', 4097 - prefix.Length));

        await alice.ExpectAsync("OK delivered to bob");
        await alice.ExpectAsync("OK delivered to bob");
        await alice.ExpectAsync("ERR LINE_TOO_LONG lines are at most 4096 bytes");
    }

    [Fact]
    public async Task Invalid_utf8_is_refused_and_nothing_is_sent()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.ExpectAsync("SYS bob joined");

        await alice.SendRawAsync(new byte[] { (byte)'@', (byte)'b', (byte)'o', (byte)'b', (byte)':', 0xC3, 0x28, (byte)'\n' });

        await alice.ExpectAsync("ERR INVALID_UTF8 lines must be valid UTF-8");
        Assert.Empty(await bob.DrainAsync());
    }

    [Theory]
    [InlineData("/bogus", "ERR UNKNOWN_COMMAND /bogus is not a command; /help lists them")]
    [InlineData("@bob hi", "ERR SYNTAX malformed line; use @<nick>:<text> or /help")]
    [InlineData("/", "ERR SYNTAX malformed line; use @<nick>:<text> or /help")]
    [InlineData("hi\rDM root: spoof", "ERR SYNTAX control characters (CR, ESC, NUL...) are not allowed")]
    [InlineData("hi \u001b[2J", "ERR SYNTAX control characters (CR, ESC, NUL...) are not allowed")]
    [InlineData("/bm", "ERR NEED_MORE_PARAMS usage: /bm <text>  (or just <text>)")]
    public async Task Malformed_line_gets_a_clear_error_and_changes_nothing(string line, string expected)
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");

        await alice.SendAsync(line);

        var (reply, _) = await alice.WaitForAsync(l => l.StartsWith("ERR", StringComparison.Ordinal) || l.StartsWith("OK", StringComparison.Ordinal));
        Assert.Equal(expected, reply);
        Assert.Empty(await bob.DrainAsync());
    }

    [Fact]
    public async Task Empty_and_blank_lines_get_no_reply()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");

        await alice.SendRawAsync("\n   \r\n\t\n"u8.ToArray());

        Assert.Empty(await alice.DrainAsync());
    }

    [Fact]
    public async Task Line_sent_one_byte_at_a_time_is_read_whole()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");

        foreach (var b in Encoding.UTF8.GetBytes("@bob:byte by byte ✓\r\n"))
            await alice.SendRawAsync(new[] { b });

        Assert.Equal("OK delivered to bob", (await alice.WaitForAsync(l => l.StartsWith("OK", StringComparison.Ordinal))).Line);
        Assert.Equal(["DM alice: byte by byte ✓"], await bob.DrainAsync());
    }

    [Fact]
    public async Task Garbage_from_one_client_does_not_disturb_another()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        var random = new Random(1459);
        var garbage = new byte[64 * 1024];
        random.NextBytes(garbage);

        await alice.SendRawAsync(garbage);
        await alice.SendAsync("");
        await bob.SendAsync("@alice:are you ok?");

        await bob.ExpectAsync("OK delivered to alice");
    }
}

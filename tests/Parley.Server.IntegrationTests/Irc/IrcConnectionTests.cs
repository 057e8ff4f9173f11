using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>The connection: idle PING and timeout, bounded input, bad input, TLS, shutdown, slow consumers.</summary>
public sealed class IrcConnectionTests
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan PingTimeout = TimeSpan.FromMilliseconds(500);

    private static readonly Dictionary<string, string?> ShortPing = new()
    {
        ["Parley:Irc:IdleTimeout"] = "00:00:00.300",
        ["Parley:Irc:PingTimeout"] = "00:00:00.500",
    };

    [Fact]
    public async Task Idle_client_gets_ping_and_is_closed_when_it_does_not_answer()
    {
        // The server's clock, faked: the liveness timer fires inside Advance, on the test's thread.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await ParleyTestServer.StartWithIrcAsync(ShortPing, configureServices: services => services.AddSingleton<TimeProvider>(time));
        await using var line = await server.ConnectAsAsync("carol");
        await using var alice = await server.ConnectIrcAsAsync("alice");

        time.Advance(IdleTimeout);
        await alice.ExpectAsync("PING parley");
        time.Advance(PingTimeout);

        Assert.Equal(["ERROR :Closing Link: alice[parley] (Ping timeout: 1 seconds)"], await alice.ReadUntilClosedAsync());
        await line.WaitForAsync(l => l == "SYS alice dropped (Ping timeout: 1 seconds)");
    }

    [Fact]
    public async Task Idle_client_that_answers_ping_stays_connected()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await ParleyTestServer.StartWithIrcAsync(ShortPing, configureServices: services => services.AddSingleton<TimeProvider>(time));
        await using var alice = await server.ConnectIrcAsAsync("alice");

        // Each step is a whole ping timeout (longer than the idle timeout): one PING, answered.
        for (var i = 0; i < 3; i++)
        {
            time.Advance(PingTimeout);
            await alice.ExpectAsync("PING parley");
            await alice.SendAsync("PONG parley");
            // Read by the server (a round trip) before the clock moves on.
            Assert.Empty(await alice.DrainAsync());
        }

        Assert.Empty(await alice.DrainAsync());
        Assert.NotNull(server.Hub.FindByNick("alice"));
    }

    [Fact]
    public async Task Overlong_line_gets_417_and_the_connection_goes_on()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");

        await alice.SendAsync("PRIVMSG bob :" + new string('x', 600));
        await alice.SendAsync("@" + new string('a', 5000) + " PRIVMSG bob :tagged");
        await alice.SendAsync("PRIVMSG bob :" + new string('y', 510 - "PRIVMSG bob :".Length));

        // The longest line a client may send does not fit once relayed with the longer source: 417
        // too (modern.ircdocs.horse, ERR_INPUTTOOLONG), never split in two.
        await alice.ExpectAsync(":parley 417 alice :Input line was too long", ":parley 417 alice :Input line was too long", ":parley 417 alice :Input line was too long");
        await alice.SendAsync("PRIVMSG bob :still here");
        await bob.ExpectAsync(":alice!u@parley PRIVMSG bob :still here");
    }

    [Fact]
    public async Task Invalid_utf8_gets_fail_invalid_utf8_and_the_connection_goes_on()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");

        byte[] bad = [.. "PRIVMSG alice :"u8, 0xff, 0xfe, .. " bad\r\n"u8];
        await alice.SendRawAsync(bad);

        await alice.ExpectAsync(":parley FAIL PRIVMSG INVALID_UTF8 :Message rejected: this server takes UTF-8 only");
        Assert.Empty(await alice.DrainAsync());
    }

    [Fact]
    public async Task Random_bytes_never_kill_the_server_or_a_neighbour()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await using var line = await server.ConnectAsAsync("carol");
        var random = new Random(6667);
        var alphabet = "PRIVMSG NOTICE CAP NICK USER @:;= \r\n\0\x01é😀#,*bob"u8.ToArray();

        for (var round = 0; round < 20; round++)
        {
            await using var fuzzer = await server.ConnectIrcAsync();
            for (var chunk = 0; chunk < 10; chunk++)
            {
                var bytes = new byte[random.Next(1, 2000)];
                if (round % 2 == 0)
                    random.NextBytes(bytes);
                else
                {
                    for (var i = 0; i < bytes.Length; i++)
                        bytes[i] = alphabet[random.Next(alphabet.Length)];
                }

                try
                {
                    await fuzzer.SendRawAsync(bytes);
                }
                catch (IOException)
                {
                    break; // the server may close a peer that quit or timed out; that is fine
                }
            }
        }

        await bob.SendAsync("PRIVMSG carol :still here");
        await line.WaitForAsync(l => l == "DM bob: still here");
        await bob.DrainAsync();
        await using var late = await server.ConnectIrcAsAsync("late");
    }

    [Fact]
    public async Task Irc_over_tls_registers_with_the_servers_certificate_and_whois_shows_it()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(tls: true);
        await using var alice = await IrcTestClient.ConnectTlsAsync(server.IrcTlsPort);
        await alice.RegisterAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");

        await bob.SendAsync("WHOIS alice");

        await bob.WaitForAsync(l => l == ":parley 671 bob alice :is using a secure connection");
        Assert.True(server.Hub.FindByNick("alice")!.Security.IsTls);
        Assert.StartsWith("SHA256:", alice.ServerCertificateFingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_sends_a_notice_and_closing_link()
    {
        var server = await ParleyTestServer.StartWithIrcAsync();
        await using var _ = server;
        await using var alice = await server.ConnectIrcAsAsync("alice");

        var stopping = server.StopAsync();
        var lines = await alice.ReadUntilClosedAsync();
        await stopping;

        Assert.Equal([":parley NOTICE * :server shutting down", "ERROR :Closing Link: alice[parley] (server shutting down)"], lines);
    }

    [Fact]
    public async Task Client_that_stops_reading_is_dropped_with_sendq_exceeded()
    {
        // The line user sends far more than a person would: without flood control.
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?>(ParleyTestServer.WithoutFloodControl)
        {
            ["Parley:Limits:MaxOutboundBytes"] = "65536",
        });
        await using var line = await server.ConnectAsAsync("carol");
        await using var slow = await server.ConnectIrcAsync(receiveBufferSize: 1024);
        await slow.RegisterAsync("slow");
        var text = new string('z', 4000);

        // The client reads nothing more; each message is ~4 KB on the wire after splitting.
        var (dropped, _) = await WithBoundedFloodAsync(line, text);

        Assert.Equal("SYS slow dropped (SendQ exceeded)", dropped);
    }

    private static async Task<(string Line, List<string> Skipped)> WithBoundedFloodAsync(LineTestClient line, string text)
    {
        for (var i = 0; i < 2000; i++)
        {
            await line.SendAsync($"@slow:{text}");
            var reply = await line.ReadLineAsync();
            if (reply.StartsWith("SYS slow dropped", StringComparison.Ordinal))
                return (reply, []);
            if (reply.StartsWith("ERR", StringComparison.Ordinal))
                return await line.WaitForAsync(l => l.StartsWith("SYS slow dropped", StringComparison.Ordinal));
        }

        throw new TimeoutException("the slow client was never dropped");
    }
}

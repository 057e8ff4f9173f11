using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Server.Connections;
using Parley.Server.IntegrationTests.Observability;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>
/// The HTTP and HTTPS listeners' raw connections have per-address caps of their own
/// (<c>Parley:Web:MaxConnectionsPerAddress</c>, <c>MaxNewConnectionsPerAddress</c>), applied
/// before TLS as on the chat listeners, and a WebSocket counts against the chat caps once, at its
/// upgrade; Kestrel's request-header timeout and the TLS handshake timeout drop a connection that
/// holds a place without finishing. The clients are all on loopback, so its exemption is off.
/// </summary>
public sealed class HttpConnectionLimitTests
{
    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Parley:Limits:ExemptLoopback"] = "false" };
        foreach (var (key, value) in settings)
            all["Parley:" + key] = value;
        return all;
    }

    [Fact]
    public async Task An_address_over_its_http_connection_cap_gets_429_on_http_and_is_closed_before_the_handshake_on_https()
    {
        var log = new CapturingLoggerProvider();
        // A handshake timeout far beyond the test's: an admitted TLS connection that sends nothing stays open.
        await using var server = await WebServers.StartAsync(
            Settings(("Web:MaxConnectionsPerAddress", "2"), ("Tls:HandshakeTimeout", "00:05:00")), https: true, configureServices: log.AddTo);
        // Each answered, so admitted before the next connects (keep-alive holds them open).
        using var first = await RawTcpClient.ConnectAsync(server.HttpPort);
        Assert.Equal("HTTP/1.1 200 OK", await first.GetStatusLineAsync("/healthz"));
        using var second = await RawTcpClient.ConnectAsync(server.HttpPort);
        Assert.Equal("HTTP/1.1 200 OK", await second.GetStatusLineAsync("/healthz"));

        // The third from the address is refused, on either listener (one count for both).
        using var plain = await RawTcpClient.ConnectAsync(server.HttpPort);
        var refusal = await plain.ReadUntilClosedAsync();
        Assert.StartsWith("HTTP/1.1 429 Too Many Requests\r\n", refusal, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nToo many connections from your address\n", refusal, StringComparison.Ordinal);
        using var tls = await RawTcpClient.ConnectAsync(server.HttpsPort);
        Assert.Equal(string.Empty, await tls.ReadUntilClosedAsync());

        // The admitted are still served; the refusals are logged as TCP's are, naming the listener.
        Assert.Equal("HTTP/1.1 200 OK", await first.GetStatusLineAsync("/healthz"));
        var logged = await log.WaitForAsync(e => e.EventId.Id == 501);
        Assert.Contains("on http: TooManyFromAddress", logged.Message, StringComparison.Ordinal);

        // One closes: its place is free again once the server has noticed.
        first.Dispose();
        Assert.Equal("HTTP/1.1 200 OK", await StatusWhenAdmittedAsync(server.HttpPort));
    }

    [Fact]
    public async Task New_http_connections_over_the_window_are_refused_even_after_closing_them()
    {
        await using var server = await WebServers.StartAsync(Settings(("Web:MaxConnectionsPerAddress", "0"), ("Web:MaxNewConnectionsPerAddress", "3")));
        for (var i = 0; i < 3; i++)
        {
            using var client = await RawTcpClient.ConnectAsync(server.HttpPort);
            Assert.Equal("HTTP/1.1 200 OK", await client.GetStatusLineAsync("/healthz"));
        }

        using var fourth = await RawTcpClient.ConnectAsync(server.HttpPort);
        var refusal = await fourth.ReadUntilClosedAsync();
        Assert.StartsWith("HTTP/1.1 429 Too Many Requests\r\n", refusal, StringComparison.Ordinal);
        Assert.EndsWith("Too many new connections from your address; wait a few minutes\n", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_websocket_takes_one_http_and_one_chat_place_so_caps_of_one_each_let_it_in()
    {
        await using var server = await WebServers.StartAsync(Settings(("Limits:MaxConnectionsPerAddress", "1"), ("Web:MaxConnectionsPerAddress", "1")));

        // Its own HTTP connection does not count against the chat cap: it registers.
        await using var web = await server.ConnectWebAsAsync("alice");

        // Both places are taken: an IRC connection is refused by the chat cap, a second HTTP one by the HTTP cap.
        await using var irc = await server.ConnectIrcAsync();
        Assert.Equal(["ERROR :Closing Link: *[parley] (Too many connections from your address)"], await irc.ReadUntilClosedAsync());
        await Assert.ThrowsAsync<WebSocketException>(() => WebSocketTestClient.ConnectAsync(server.WebSocketUri(), ["text.ircv3.net"]));
        await web.SendAsync("PING still-here");
        await web.WaitForAsync(l => l == ":parley PONG parley still-here");
    }

    [Fact]
    public async Task A_tls_handshake_never_finished_on_https_is_dropped_after_the_handshake_timeout_logged_and_counted()
    {
        var log = new CapturingLoggerProvider();
        await using var server = await WebServers.StartAsync(
            new Dictionary<string, string?> { ["Parley:Tls:HandshakeTimeout"] = "00:00:01" }, https: true, configureServices: log.AddTo);
        using var failures = new CounterSum(server.Services.GetRequiredService<ConnectionMetrics>().Meter, "parley.tls.handshake_failures");
        using var client = await RawTcpClient.ConnectAsync(server.HttpsPort);

        // The first bytes of a TLS record, then nothing: the handshake never completes.
        await client.SendAsync("\u0016\u0003\u0001");

        Assert.Equal(string.Empty, await client.ReadUntilClosedAsync());
        var entry = await log.WaitForAsync(e => e.EventId.Id == 505);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Contains("on https", entry.Message, StringComparison.Ordinal);
        Assert.Equal(1, failures.Value);
    }

    [Fact]
    public async Task A_request_whose_headers_never_end_is_dropped_after_the_request_headers_timeout()
    {
        await using var server = await WebServers.StartAsync(new Dictionary<string, string?> { ["Parley:Web:RequestHeadersTimeout"] = "00:00:01" });
        using var client = await RawTcpClient.ConnectAsync(server.HttpPort);

        await client.SendAsync("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");

        // Kestrel answers 408 or just closes; either way the connection is gone well within the test's timeout.
        var answer = await client.ReadUntilClosedAsync();
        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer);
    }

    [Theory]
    [InlineData("MaxConnectionsPerAddress", "-1")]
    [InlineData("MaxNewConnectionsPerAddress", "-1")]
    [InlineData("RequestHeadersTimeout", "00:00:00")]
    [InlineData("KeepAliveTimeout", "02:00:00")]
    public async Task A_bad_web_limit_setting_stops_the_start_with_one_line_naming_it(string key, string value)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => WebServers.StartAsync(new Dictionary<string, string?> { ["Parley:Web:" + key] = value }));
        Assert.StartsWith($"Parley:Web:{key} is {value}: allowed are ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    // A closed connection's place is given back when the server has finished with it, a moment
    // after the client closed: try until admitted, bounded.
    private static async Task<string> StatusWhenAdmittedAsync(int port)
    {
        var deadline = DateTime.UtcNow + TestConnection.DefaultTimeout;
        while (true)
        {
            using var client = await RawTcpClient.ConnectAsync(port);
            string status;
            try
            {
                status = await client.GetStatusLineAsync("/healthz");
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException && DateTime.UtcNow < deadline)
            {
                // Refused, and closed before the status line was read: again.
                continue;
            }

            if (status.EndsWith(" 200 OK", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
                return status;
        }
    }
}

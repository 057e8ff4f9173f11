using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>The limits of IRC over TCP hold over /ws: per-address caps, registration timeout, flood control, sendq.</summary>
public sealed class WebSocketLimitTests
{
    [Fact]
    public async Task WebSocket_counts_against_the_per_address_cap_shared_with_tcp()
    {
        await using var server = await WebServers.StartAsync(new Dictionary<string, string?>
        {
            ["Parley:Limits:ExemptLoopback"] = "false",
            ["Parley:Limits:MaxConnectionsPerAddress"] = "2",
        });
        await using var web = await server.ConnectWebAsAsync("alice");
        await using var irc = await server.ConnectIrcAsAsync("bob");

        var refused = await WebSocketTestClient.RefusedStatusAsync(server.WebSocketUri(), ["text.ircv3.net"]);
        await using var tcpRefused = await server.ConnectIrcAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused);
        Assert.Equal(["ERROR :Closing Link: *[parley] (Too many connections from your address)"], await tcpRefused.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task WebSocket_not_registered_in_time_is_closed_with_error()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await WebServers.StartAsync(
            new Dictionary<string, string?> { ["Parley:Limits:RegistrationTimeout"] = "00:00:01" },
            configureServices: services => services.AddSingleton<TimeProvider>(time));
        await using var web = await WebSocketTestClient.ConnectAsync(server.WebSocketUri(), ["text.ircv3.net"]);

        await web.SendAsync("NICK alice");
        // A reply shows the read loop running, so the connection's registration timer is set.
        await web.SendAsync("PING ready");
        Assert.Equal(":parley PONG parley ready", await web.ReceiveAsync());
        time.Advance(TimeSpan.FromSeconds(1));

        var (lines, status) = await web.ReadUntilClosedAsync();
        Assert.Equal(["ERROR :Closing Link: *[parley] (Registration timed out)"], lines);
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, status);
    }

    [Fact]
    public async Task Flood_control_holds_a_websocket_command_past_the_burst_until_the_clock_refills_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await WebServers.StartAsync(
            new Dictionary<string, string?>
            {
                ["Parley:Limits:Flood:MessagesPerSecond"] = "1",
                // NICK and USER take two tokens; PING a the last one.
                ["Parley:Limits:Flood:Burst"] = "3",
            },
            configureServices: services => services.AddSingleton<TimeProvider>(time));
        await using var web = await server.ConnectWebAsAsync("alice");
        await using var irc = await server.ConnectIrcAsAsync("bob");

        await web.SendAsync("PING a");
        await web.SendAsync("PING b");
        Assert.Equal(":parley PONG parley a", await web.ReceiveAsync());
        await irc.SendAsync("PRIVMSG alice :marker");

        // PING b waits for a token (fakelag): the DM sent after it arrives first.
        Assert.Equal(":bob!u@parley PRIVMSG alice marker", await web.ReceiveAsync());
        // The clock moves until PING b gets its token; moving it before its wait began would move
        // nothing, so the clock is moved again while the answer has not come (a bounded loop).
        var pong = web.ReceiveAsync();
        for (var i = 0; i < 100 && !pong.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(pong, Task.Delay(TimeSpan.FromMilliseconds(100)));
        }

        Assert.Equal(":parley PONG parley b", await pong);
    }

    [Fact]
    public async Task WebSocket_client_that_stops_reading_is_dropped_with_sendq_exceeded_and_others_are_served()
    {
        await using var server = await WebServers.StartAsync(new Dictionary<string, string?>(ParleyTestServer.WithoutFloodControl)
        {
            ["Parley:Limits:MaxOutboundBytes"] = "65536",
        });
        await using var line = await server.ConnectAsAsync("carol");
        await using var irc = await server.ConnectIrcAsAsync("bob");
        await using var slow = await WebSocketTestClient.ConnectAsync(server.WebSocketUri(), ["text.ircv3.net"], receiveBufferSize: 1024);
        await slow.RegisterAsync("slow");
        var text = new string('z', 4000);

        // The web client reads nothing more; each DM is ~4 KB.
        string? dropped = null;
        for (var i = 0; i < 2000 && dropped is null; i++)
        {
            await line.SendAsync($"@slow:{text}");
            var reply = await line.ReadLineAsync();
            if (reply.StartsWith("SYS slow dropped", StringComparison.Ordinal))
                dropped = reply;
            else if (reply.StartsWith("ERR", StringComparison.Ordinal))
                dropped = (await line.WaitForAsync(l => l.StartsWith("SYS slow dropped", StringComparison.Ordinal))).Line;
        }

        Assert.Equal("SYS slow dropped (SendQ exceeded)", dropped);
        await line.SendAsync("@bob:still served");
        await irc.ExpectAsync(":carol!carol@parley PRIVMSG bob :still served");
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Parley.Server.IntegrationTests.Connections;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

/// <summary>
/// Idle limits of line connections (docs/protocol.md): an application idle timeout that any line,
/// the empty keep-alive too, resets (on a fake clock: no waiting), and TCP keep-alive on the socket.
/// </summary>
public sealed class IdleLimitTests
{
    [Fact]
    public async Task A_registered_connection_that_sends_nothing_is_closed_and_an_empty_line_keeps_one_alive()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await ParleyTestServer.StartAsync(
            new Dictionary<string, string?> { ["Parley:Limits:IdleTimeout"] = "00:05:00" },
            services => services.AddSingleton<TimeProvider>(time));
        await using var silent = await server.ConnectAsAsync("silent");
        await using var alive = await server.ConnectAsAsync("alive");

        time.Advance(TimeSpan.FromMinutes(3));
        await alive.SendAsync("");
        Assert.Equal("OK you are alive, a guest", (await alive.CommandAsync("/whoami")).Reply);
        time.Advance(TimeSpan.FromMinutes(3));

        var (bye, _) = await silent.WaitForAsync(l => l.StartsWith("BYE ", StringComparison.Ordinal));
        Assert.Equal("BYE idle timeout", bye);
        Assert.Equal("OK you are alive, a guest", (await alive.CommandAsync("/whoami")).Reply);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("BYE idle timeout", (await alive.WaitForAsync(l => l.StartsWith("BYE ", StringComparison.Ordinal))).Line);
    }

    [Fact]
    public async Task Without_an_idle_timeout_a_reading_only_connection_stays()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await ParleyTestServer.StartAsync(configureServices: services => services.AddSingleton<TimeProvider>(time));
        await using var reader = await server.ConnectAsAsync("reader");

        time.Advance(TimeSpan.FromDays(1));

        Assert.Equal("OK you are reader, a guest", (await reader.CommandAsync("/whoami")).Reply);
    }

    [Fact]
    public async Task Line_connections_have_tcp_keep_alive_on()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var client = await server.ConnectAsAsync("alice");

        // The server's end of the connection (its local port is the listener's), read as the kernel
        // holds it: the options, not a timer that shows only once nothing is in flight.
        var socket = ServerSideSocket.DescriptorOf(server.Port);
        Assert.Equal(1, ServerSideSocket.GetOption(socket, ServerSideSocket.SolSocket, ServerSideSocket.SoKeepAlive));
        Assert.Equal(60, ServerSideSocket.GetOption(socket, ServerSideSocket.IpProtoTcp, ServerSideSocket.TcpKeepIdle));
        Assert.Equal(15, ServerSideSocket.GetOption(socket, ServerSideSocket.IpProtoTcp, ServerSideSocket.TcpKeepInterval));
        Assert.Equal(4, ServerSideSocket.GetOption(socket, ServerSideSocket.IpProtoTcp, ServerSideSocket.TcpKeepCount));
    }
}

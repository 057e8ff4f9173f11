using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
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

        // ss shows a keep-alive timer on the server's end of the connection (its source port is the
        // listener's) once nothing is in flight: while data is unacknowledged it shows the
        // retransmission timer instead, so it is asked again, a bounded number of times.
        var output = "";
        for (var attempt = 0; attempt < 50 && !output.Contains("timer:(keepalive,", StringComparison.Ordinal); attempt++)
        {
            if (attempt > 0)
                await Task.Delay(100);
            var start = new ProcessStartInfo("ss", ["-tnoH", "state", "established", $"( sport = :{server.Port} )"]) { RedirectStandardOutput = true };
            using var ss = Process.Start(start)!;
            output = await ss.StandardOutput.ReadToEndAsync();
            await ss.WaitForExitAsync();
        }

        Assert.Contains("timer:(keepalive,", output, StringComparison.Ordinal);
    }
}

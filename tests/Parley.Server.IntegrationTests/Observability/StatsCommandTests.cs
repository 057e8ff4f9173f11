using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Observability;

public sealed class StatsCommandTests
{
    [Fact]
    public async Task Stats_shows_an_operator_the_metrics_series_and_refuses_everyone_else()
    {
        // The HTTP listener is off (the test server's default): /stats reads the exporter in the process.
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?> { ["Parley:Operators:0"] = "alice" });
        await using var alice = await server.ConnectNewAccountAsync("alice", "alice-password");
        await using var bob = await server.ConnectAsAsync("bob");
        await bob.CommandAsync("/bm hello");
        await alice.WaitForAsync(l => l == "BM bob: hello");

        var (reply, lines) = await alice.CommandAsync("/stats");

        Assert.Matches(@"^OK \d+ series$", reply);
        Assert.All(lines, l => Assert.StartsWith("STATS parley_", l, StringComparison.Ordinal));
        Assert.Equal(int.Parse(reply.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), lines.Count);
        var sessions = Assert.Single(lines, l => l.StartsWith("STATS parley_sessions ", StringComparison.Ordinal));
        // Only that it is a number: test servers in one process share the Parley.* meter names, so
        // the exporter may report another server's gauge (HttpEndpointTests checks presence too).
        Assert.True(double.TryParse(sessions.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], System.Globalization.CultureInfo.InvariantCulture, out _), sessions);
        Assert.Contains(lines, l => l.StartsWith("STATS parley_messages_total{kind=\"broadcast\"}", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("otel_scope", StringComparison.Ordinal));

        var (refused, before) = await bob.CommandAsync("/stats");
        Assert.StartsWith("ERR NOT_SERVER_OP ", refused, StringComparison.Ordinal);
        Assert.DoesNotContain(before, l => l.StartsWith("STATS", StringComparison.Ordinal));
    }
}

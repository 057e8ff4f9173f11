using Parley.Server.IntegrationTests.Observability;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>Raw HTTP connections in the connection metrics, as TCP's; alone, as meters are read process-wide (<see cref="RunsAlone"/>).</summary>
[Collection(RunsAlone.Name)]
public sealed class HttpConnectionMetricsTests
{
    [Fact]
    public async Task Open_http_connections_are_counted_as_http_http_and_their_refusals_by_reason_and_listener()
    {
        await using var server = await WebServers.StartAsync(new Dictionary<string, string?>
        {
            ["Parley:Limits:ExemptLoopback"] = "false",
            ["Parley:Web:MaxConnectionsPerAddress"] = "2",
        });
        using var idle = await RawTcpClient.ConnectAsync(server.HttpPort);
        Assert.Equal("HTTP/1.1 200 OK", await idle.GetStatusLineAsync("/healthz"));
        using var scraper = await RawTcpClient.ConnectAsync(server.HttpPort);
        Assert.Equal("HTTP/1.1 200 OK", await scraper.GetStatusLineAsync("/healthz"));
        using (var refused = await RawTcpClient.ConnectAsync(server.HttpPort))
            Assert.StartsWith("HTTP/1.1 429 ", await refused.ReadUntilClosedAsync(), StringComparison.Ordinal);

        // HTTP/1.0: the response is not chunked, and the connection closes after it.
        await scraper.SendAsync("GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
        var text = await scraper.ReadUntilClosedAsync();

        Assert.Equal(2, PrometheusText.Sum(text, "parley_connections", "listener=\"http\"", "protocol=\"http\""));
        Assert.Equal(3, PrometheusText.Sum(text, "parley_connections_accepted_total", "listener=\"http\"", "protocol=\"http\""));
        Assert.Equal(1, PrometheusText.Sum(text, "parley_connections_refused_total", "reason=\"per_address\"", "listener=\"http\""));
    }
}

using System.Net;
using Parley.Server.IntegrationTests.Observability;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>WebSockets in the connection metrics; alone, as meters are read process-wide (<see cref="RunsAlone"/>).</summary>
[Collection(RunsAlone.Name)]
public sealed class WebSocketMetricsTests
{
    [Fact]
    public async Task Open_websockets_are_counted_as_http_irc_and_refusals_as_http()
    {
        await using var server = await WebServers.StartAsync(new Dictionary<string, string?>
        {
            ["Parley:Limits:ExemptLoopback"] = "false",
            ["Parley:Limits:MaxConnectionsPerAddress"] = "1",
        });
        await using var web = await server.ConnectWebAsAsync("alice");
        Assert.Equal(HttpStatusCode.TooManyRequests, await WebSocketTestClient.RefusedStatusAsync(server.WebSocketUri(), ["text.ircv3.net"]));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}") };

        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(1, PrometheusText.Sum(text, "parley_connections", "listener=\"http\"", "protocol=\"irc\""));
        Assert.Equal(2, PrometheusText.Sum(text, "parley_connections_accepted_total", "listener=\"http\"", "protocol=\"irc\""));
        Assert.Equal(1, PrometheusText.Sum(text, "parley_connections_refused_total", "reason=\"per_address\"", "listener=\"http\""));
    }
}

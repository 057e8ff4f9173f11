using System.Net;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Observability;

[Collection(RunsAlone.Name)]
public sealed class HttpEndpointTests
{
    private static readonly Dictionary<string, string?> WithHttp = new() { ["Parley:Http:Port"] = ParleyTestServer.AnyFreePort };

    [Fact]
    public async Task Metrics_scraped_while_traffic_flows_show_connections_messages_deliveries_and_commits()
    {
        // Twenty commands in a row would pass the flood burst; this test counts what it sent.
        var settings = new Dictionary<string, string?>(WithHttp);
        foreach (var (key, value) in ParleyTestServer.WithoutFloodControl)
            settings[key] = value;
        await using var server = await ParleyTestServer.StartWithIrcAsync(settings);
        using var http = Client(server);
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await using var carol = await server.ConnectIrcAsAsync("carol");
        await alice.JoinAsync("#ops");
        await bob.JoinAsync("#ops");

        // Scrapes run while the messages flow; each must be a whole, valid answer.
        var scraping = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        });
        for (var i = 0; i < 10; i++)
        {
            Assert.StartsWith("OK", (await alice.CommandAsync($"@bob:hello {i}")).Reply, StringComparison.Ordinal);
            Assert.StartsWith("OK", (await alice.CommandAsync($"@#ops:room {i}")).Reply, StringComparison.Ordinal);
        }

        await scraping;

        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.True(PrometheusText.Sum(text, "parley_connections", "listener=\"line\"", "protocol=\"line\"") >= 2, text);
        Assert.True(PrometheusText.Sum(text, "parley_connections", "listener=\"irc\"", "protocol=\"irc\"") >= 1, text);
        Assert.True(PrometheusText.Sum(text, "parley_messages_total", "kind=\"direct\"") >= 10, text);
        Assert.True(PrometheusText.Sum(text, "parley_messages_total", "kind=\"room\"") >= 10, text);
        Assert.True(PrometheusText.Sum(text, "parley_deliveries_total", "kind=\"room\"") >= 10, text);
        Assert.True(PrometheusText.Sum(text, "parley_fanout_count", "kind=\"room\"") >= 10, text);
        Assert.True(PrometheusText.Sum(text, "parley_store_commit_duration_seconds_count") >= 1, text);
        Assert.True(PrometheusText.Sum(text, "parley_registration_duration_seconds_count", "protocol=\"irc\"") >= 1, text);
        Assert.True(PrometheusText.Sum(text, "parley_outbox_written_bytes_total", "protocol=\"line\"") > 0, text);
        Assert.NotNull(PrometheusText.Sum(text, "parley_sessions"));
        Assert.NotNull(PrometheusText.Sum(text, "parley_store_queue_depth"));
    }

    [Fact]
    public async Task Healthz_and_readyz_answer_when_the_server_listens_and_the_store_takes_writes()
    {
        await using var server = await ParleyTestServer.StartAsync(WithHttp);
        using var http = Client(server);

        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready\n", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_are_refused_to_a_peer_outside_loopback_and_the_trusted_networks()
    {
        // Loopback not trusted plays a remote scraper.
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?>(WithHttp) { ["Parley:Tls:TrustLoopback"] = "false" });
        using var http = Client(server);

        var metrics = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, metrics.StatusCode);
        Assert.DoesNotContain("parley_", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Metrics_are_served_to_a_configured_trusted_network()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?>(WithHttp)
        {
            ["Parley:Tls:TrustLoopback"] = "false",
            ["Parley:Tls:TrustedNetworks:0"] = "127.0.0.0/8",
        });
        using var http = Client(server);

        var metrics = await http.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }

    [Fact]
    public async Task Http_port_0_turns_the_http_listener_off()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?> { ["Parley:Http:Port"] = "0" });

        Assert.Equal(0, server.HttpPort);
    }

    [Fact]
    public async Task Stats_report_shows_the_running_servers_counts_at_a_glance()
    {
        await using var server = await ParleyTestServer.StartAsync(WithHttp);
        using var http = Client(server);
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.CommandAsync("@bob:hi");

        var report = await Parley.Server.Observability.StatsReport.FetchAsync(http, new Uri("/metrics", UriKind.Relative));

        var lines = report.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("parley_messages_total{kind=\"direct\"}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("parley_connections{listener=\"line\",protocol=\"line\"}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("parley_store_commit_duration_seconds_mean", StringComparison.Ordinal));
        Assert.DoesNotContain("otel_scope", report, StringComparison.Ordinal);
        Assert.DoesNotContain("_bucket", report, StringComparison.Ordinal);
    }

    private static HttpClient Client(ParleyTestServer server) =>
        new() { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}"), Timeout = TimeSpan.FromSeconds(30) };
}

using Xunit.Abstractions;

namespace Parley.Web.BrowserTests;

/// <summary>The harness alone, without the web client: Chromium starts and reaches the test server.</summary>
public sealed class BrowserHarnessTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public async Task The_shared_chromium_loads_a_page_of_the_test_servers_http_listener_over_loopback()
    {
        await using var server = await WebTestServer.StartAsync();
        await using var session = await OpenSessionAsync(server, "probe");
        var page = await session.Context.NewPageAsync();

        var response = await page.GotoAsync("/healthz");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Contains("Chrome/", await page.EvaluateAsync<string>("() => navigator.userAgent"), StringComparison.Ordinal);
        Assert.StartsWith($"http://127.0.0.1:{server.Server.HttpPort}/", page.Url, StringComparison.Ordinal);
    }
}

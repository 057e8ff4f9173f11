using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tls;
using Parley.Server.Web;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>The web client's files, their cache headers, the security headers, and HTTPS with the server's certificate.</summary>
public sealed class WebHeadersTests
{
    [Fact]
    public async Task Index_is_served_at_the_root_with_no_cache_and_every_security_header()
    {
        await using var server = await WebServers.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{server.HttpPort}/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Parley", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        AssertSecurityHeaders(response);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_as_immutable()
    {
        var asset = Directory.EnumerateFiles(Path.Combine(WebStaticFiles.Root, "assets")).First();
        await using var server = await WebServers.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{server.HttpPort}/assets/{Path.GetFileName(asset)}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Health_and_missing_files_carry_the_security_headers_too()
    {
        await using var server = await WebServers.StartAsync();
        using var http = new HttpClient();

        using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{server.HttpPort}/healthz"));
        using var missing = await http.GetAsync(new Uri($"http://127.0.0.1:{server.HttpPort}/no-such-file.js"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        AssertSecurityHeaders(health);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertSecurityHeaders(missing);
    }

    [Fact]
    public async Task Https_listener_serves_the_page_with_hsts_and_the_servers_certificate()
    {
        await using var server = await WebServers.StartAsync(https: true);
        var certificate = server.Services.GetRequiredService<ServerCertificateSource>().Current.Leaf;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString(),
        };
        using var https = new HttpClient(handler);

        using var response = await https.GetAsync(new Uri($"https://127.0.0.1:{server.HttpsPort}/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Wss_on_the_https_listener_is_a_tls_session_pinned_to_the_servers_certificate()
    {
        await using var server = await WebServers.StartAsync(https: true);
        var certificate = server.Services.GetRequiredService<ServerCertificateSource>().Current.Leaf;
        await using var web = await WebSocketTestClient.ConnectAsync(server.SecureWebSocketUri(), ["text.ircv3.net"], pinned: certificate);
        await web.RegisterAsync("alice");
        await using var irc = await server.ConnectIrcAsAsync("bob");

        await web.SendAsync("PRIVMSG bob :over wss");
        await irc.ExpectAsync(":alice!u@parley PRIVMSG bob :over wss");
        var security = server.Hub.FindByNick("alice")!.Security;

        Assert.True(security.IsTls);
        Assert.Contains(security.TlsProtocol, new[] { "Tls12", "Tls13" });
        Assert.Null(security.ClientCertificateSha256);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(WebSecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("connect-src 'self'", WebSecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }
}

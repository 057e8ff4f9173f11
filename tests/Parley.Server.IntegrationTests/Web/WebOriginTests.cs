using System.Net;
using Microsoft.AspNetCore.Http;
using Parley.Server.Web;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>Which pages may open /ws: same origin, Parley:Web:AllowedOrigins, or no Origin (not a browser).</summary>
public sealed class WebOriginTests
{
    [Fact]
    public async Task Foreign_origin_is_refused_with_403_before_the_upgrade()
    {
        await using var server = await WebServers.StartAsync();

        var status = await WebSocketTestClient.RefusedStatusAsync(server.WebSocketUri(), ["text.ircv3.net"], origin: "https://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(0, server.Hub.SessionCount);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("http://127.0.0.1:1")]
    [InlineData("https://127.0.0.1")]
    public async Task Null_origin_and_another_port_or_scheme_are_refused(string origin)
    {
        await using var server = await WebServers.StartAsync();

        Assert.Equal(HttpStatusCode.Forbidden, await WebSocketTestClient.RefusedStatusAsync(server.WebSocketUri(), ["text.ircv3.net"], origin));
    }

    [Fact]
    public async Task Same_origin_an_allow_listed_origin_and_no_origin_are_accepted()
    {
        await using var server = await WebServers.StartAsync(new Dictionary<string, string?>
        {
            ["Parley:Web:AllowedOrigins:0"] = "https://Chat.Example.org",
        });

        await using var own = await WebSocketTestClient.ConnectAsync(server.WebSocketUri(), ["text.ircv3.net"], origin: server.Origin());
        await using var listed = await WebSocketTestClient.ConnectAsync(server.WebSocketUri(), ["text.ircv3.net"], origin: "https://chat.example.org:443");
        await using var none = await WebSocketTestClient.ConnectAsync(server.WebSocketUri(), ["text.ircv3.net"]);
        await own.RegisterAsync("own");
        await listed.RegisterAsync("listed");
        await none.RegisterAsync("none");

        Assert.Equal(3, server.Hub.SessionCount);
    }

    [Theory]
    [InlineData("chat.example.org")]
    [InlineData("ftp://chat.example.org")]
    [InlineData("https://chat.example.org/path")]
    public void Allowed_origin_that_is_not_scheme_host_port_fails_the_start_naming_the_setting(string origin)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Hosting.ParleyServer.Build([new("Parley:Web:AllowedOrigins:0", origin)]));

        Assert.StartsWith($"Parley:Web:AllowedOrigins:0 is '{origin}': give scheme://host[:port]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("http://parley.test:8080", true)]
    [InlineData("HTTP://PARLEY.TEST:8080", true)]
    [InlineData("http://parley.test", false)]
    [InlineData("https://parley.test:8080", false)]
    [InlineData("http://other.test:8080", false)]
    [InlineData("http://parley.test:8080/x", false)]
    public void Policy_compares_scheme_host_and_port_of_the_request(string? origin, bool allowed)
    {
        var policy = new WebOriginPolicy(new WebServerOptions());
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("parley.test", 8080);
        if (origin is not null)
            context.Request.Headers.Origin = origin;

        Assert.Equal(allowed, policy.IsAllowed(context.Request));
    }
}

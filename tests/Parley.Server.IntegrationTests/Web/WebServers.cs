using Microsoft.Extensions.DependencyInjection;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>Test servers with the HTTP listener (and HTTPS when asked) on free ports, beside plain IRC and line.</summary>
internal static class WebServers
{
    /// <summary>Starts a server with HTTP, plain IRC and the line protocol on free ports; HTTPS too with <paramref name="https"/>.</summary>
    public static Task<ParleyTestServer> StartAsync(
        IDictionary<string, string?>? settings = null, bool https = false, Action<IServiceCollection>? configureServices = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Parley:Http:Port"] = ParleyTestServer.AnyFreePort,
            ["Parley:Https:Port"] = https ? ParleyTestServer.AnyFreePort : "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return ParleyTestServer.StartWithIrcAsync(all, configureServices: configureServices);
    }

    /// <summary>ws://127.0.0.1:port/ws of the HTTP listener.</summary>
    public static Uri WebSocketUri(this ParleyTestServer server) => new($"ws://127.0.0.1:{server.HttpPort}/ws");

    /// <summary>wss://127.0.0.1:port/ws of the HTTPS listener.</summary>
    public static Uri SecureWebSocketUri(this ParleyTestServer server) => new($"wss://127.0.0.1:{server.HttpsPort}/ws");

    /// <summary>The HTTP listener's own origin, as a browser on its page sends it.</summary>
    public static string Origin(this ParleyTestServer server) => $"http://127.0.0.1:{server.HttpPort}";

    /// <summary>Connects to /ws with text.ircv3.net and registers <paramref name="nick"/>.</summary>
    public static async Task<WebSocketTestClient> ConnectWebAsAsync(this ParleyTestServer server, string nick)
    {
        var client = await WebSocketTestClient.ConnectAsync(server.WebSocketUri(), ["text.ircv3.net"]);
        await client.RegisterAsync(nick);
        return client;
    }
}

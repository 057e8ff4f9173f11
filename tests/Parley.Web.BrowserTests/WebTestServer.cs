using System.Globalization;
using Parley.TestKit;

namespace Parley.Web.BrowserTests;

/// <summary>
/// The in-process server for a browser test: the HTTP listener (web client, <c>/ws</c>,
/// <c>/api</c>) on a free loopback port, beside the line and IRC listeners (free ports too) for
/// the other side of a conversation. <see cref="RestartAsync"/> brings the server back on the same
/// data directory and the same HTTP port, since the page reconnects to its own origin.
/// </summary>
internal sealed class WebTestServer : IAsyncDisposable
{
    private WebTestServer(ParleyTestServer server) => Server = server;

    /// <summary>The running server (a new one after <see cref="RestartAsync"/>).</summary>
    public ParleyTestServer Server { get; private set; }

    /// <summary><c>http://127.0.0.1:port/</c> of the HTTP listener: the page's origin.</summary>
    public Uri BaseUri => new($"http://127.0.0.1:{Server.HttpPort}/");

    /// <summary>Starts a server with HTTP, line and IRC on free loopback ports.</summary>
    public static async Task<WebTestServer> StartAsync() =>
        new(await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?>
        {
            ["Parley:Http:Port"] = ParleyTestServer.AnyFreePort,
        }));

    /// <summary>Connects a raw line client (as <c>nc</c> would) and takes the guest nick <paramref name="nick"/>.</summary>
    public Task<LineTestClient> ConnectLineAsAsync(string nick) => Server.ConnectAsAsync(nick);

    /// <summary>Stops the server as Ctrl+C would; the pages see their WebSockets close.</summary>
    public Task StopAsync() => Server.StopAsync();

    /// <summary>
    /// Stops the server (if it still runs) and starts a new one on the same data directory and
    /// HTTP port. The port is free once the old listener closed; another process taking it in
    /// that instant would fail the start, naming the port.
    /// </summary>
    public async Task RestartAsync()
    {
        var port = Server.HttpPort;
        Server = await Server.RestartAsync(new Dictionary<string, string?>
        {
            ["Parley:Http:Port"] = port.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(port, Server.HttpPort);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

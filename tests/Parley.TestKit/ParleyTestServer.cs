using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Core.Presence;
using Parley.Server.Hosting;

namespace Parley.TestKit;

/// <summary>The real server, started in-process on 127.0.0.1 with port 0.</summary>
public sealed class ParleyTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private ParleyTestServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>The line protocol's bound port.</summary>
    public int Port { get; }

    /// <summary>The running chat core, for assertions on its state.</summary>
    public ChatHub Hub => _app.Services.GetRequiredService<ChatHub>();

    /// <summary>
    /// Settings that turn flood control off, for tests that send far more than a person would
    /// (thousands of lines from one connection). The defaults stay what people get.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> WithoutFloodControl { get; } = new Dictionary<string, string?>
    {
        ["Parley:Limits:Flood:MessagesPerSecond"] = "0",
    };

    /// <summary>Starts a server with <paramref name="settings"/> (configuration keys like <c>Parley:Limits:MaxOutboundBytes</c>).</summary>
    /// <param name="settings">Configuration overrides.</param>
    /// <param name="configureServices">Replaces services, e.g. a room store shared by two servers to test a restart.</param>
    public static async Task<ParleyTestServer> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Parley:Host"] = "127.0.0.1",
            ["Parley:Port"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;

        var app = ParleyServer.Build(all, logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning), configureServices);
        await app.StartAsync();
        var port = app.Services.GetRequiredService<ListenerRegistry>().EndpointOf(ParleyServer.LineProtocol)!.Port;
        return new ParleyTestServer(app, port);
    }

    /// <summary>Connects a raw line client and reads its greeting.</summary>
    public Task<LineTestClient> ConnectAsync(int? receiveBufferSize = null) => LineTestClient.ConnectAsync(Port, receiveBufferSize);

    /// <summary>Connects and registers <paramref name="nick"/>.</summary>
    public async Task<LineTestClient> ConnectAsAsync(string nick)
    {
        var client = await ConnectAsync();
        await client.RegisterAsync(nick);
        return client;
    }

    /// <summary>Stops the server as Ctrl+C would.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}

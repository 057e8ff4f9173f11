using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Core.Presence;
using Parley.Server.Hosting;

namespace Parley.TestKit;

/// <summary>
/// The real server, started in-process on 127.0.0.1 with port 0 and a fresh data directory in
/// the temp folder, deleted on dispose. <see cref="RestartAsync"/> starts a new server on the
/// same data directory, as after a restart of the process.
/// </summary>
public sealed class ParleyTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, string?> _settings;
    private bool _ownsDataDirectory = true;
    private bool _stopped;
    private bool _disposed;

    private ParleyTestServer(WebApplication app, int port, Dictionary<string, string?> settings, string dataDirectory)
    {
        _app = app;
        _settings = settings;
        Port = port;
        DataDirectory = dataDirectory;
    }

    /// <summary>The line protocol's bound port.</summary>
    public int Port { get; }

    /// <summary>The data directory (database file <c>parley.db</c>).</summary>
    public string DataDirectory { get; }

    /// <summary>The running chat core, for assertions on its state.</summary>
    public ChatHub Hub => _app.Services.GetRequiredService<ChatHub>();

    /// <summary>Starts a server with <paramref name="settings"/> (configuration keys like <c>Parley:Limits:MaxOutboundBytes</c>).</summary>
    /// <remarks>
    /// Passwords are hashed with the fewest PBKDF2 iterations the server allows (10,000), to keep
    /// tests fast; a test may set <c>Parley:Accounts:PasswordHashIterations</c> itself.
    /// </remarks>
    public static Task<ParleyTestServer> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "parley-test-" + Guid.NewGuid().ToString("N"));
        var all = new Dictionary<string, string?>
        {
            ["Parley:Host"] = "127.0.0.1",
            ["Parley:Port"] = "0",
            ["Parley:Accounts:PasswordHashIterations"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return StartAsync(all, dataDirectory);
    }

    /// <summary>
    /// Stops and disposes this server, then starts a new one with the same settings on the same
    /// data directory, which the new server then owns (and deletes on its dispose).
    /// </summary>
    /// <param name="settings">Settings to change for the new server, or null.</param>
    public async Task<ParleyTestServer> RestartAsync(IDictionary<string, string?>? settings = null)
    {
        _ownsDataDirectory = false;
        await DisposeAsync();
        var all = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return await StartAsync(all, DataDirectory);
    }

    /// <summary>Connects a raw line client and reads its greeting.</summary>
    public Task<LineTestClient> ConnectAsync(int? receiveBufferSize = null) => LineTestClient.ConnectAsync(Port, receiveBufferSize);

    /// <summary>Connects and takes the guest nick <paramref name="nick"/>.</summary>
    public async Task<LineTestClient> ConnectAsAsync(string nick)
    {
        var client = await ConnectAsync();
        await client.RegisterAsync(nick);
        return client;
    }

    /// <summary>Connects, creates the account <paramref name="nick"/> and stays logged in.</summary>
    public async Task<LineTestClient> ConnectNewAccountAsync(string nick, string password)
    {
        var client = await ConnectAsync();
        await client.SendAsync($"/register {nick} {password}");
        await client.ExpectAsync($"OK registered and logged in as {nick}");
        return client;
    }

    /// <summary>Connects and logs in to the existing account <paramref name="nick"/>.</summary>
    public async Task<LineTestClient> ConnectLoggedInAsync(string nick, string password)
    {
        var client = await ConnectAsync();
        await client.SendAsync($"/login {nick} {password}");
        await client.WaitForAsync(l => l.StartsWith($"OK logged in as {nick}", StringComparison.Ordinal));
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

    /// <summary>Stops the server, closes the database (and its file handles), and deletes the data directory it owns.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        await StopAsync();
        await _app.DisposeAsync();
        if (_ownsDataDirectory && Directory.Exists(DataDirectory))
            Directory.Delete(DataDirectory, recursive: true);
    }

    private static async Task<ParleyTestServer> StartAsync(Dictionary<string, string?> settings, string dataDirectory)
    {
        settings["Parley:Storage:DataDirectory"] = dataDirectory;
        var app = ParleyServer.Build(settings, logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        var port = app.Services.GetRequiredService<ListenerRegistry>().EndpointOf(ParleyServer.LineProtocol)!.Port;
        return new ParleyTestServer(app, port, settings, dataDirectory);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Core.Presence;
using Parley.Server.Hosting;

namespace Parley.TestKit;

/// <summary>
/// The real server, started in-process on 127.0.0.1 on free ports, with its own temporary data
/// directory (deleted on dispose). The plain line listener is on; TLS is off unless a test sets
/// <c>Parley:Tls:Port</c> to <see cref="AnyFreePort"/> (<see cref="StartWithTlsAsync"/>); IRC is
/// off unless started with <see cref="StartWithIrcAsync"/>. <see cref="RestartAsync"/> starts a
/// new server on the same data directory, as after a restart of the process.
/// </summary>
public sealed class ParleyTestServer : IAsyncDisposable
{
    /// <summary>The port value meaning "any free port" (0 turns a listener off).</summary>
    public const string AnyFreePort = "-1";

    private readonly WebApplication _app;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private bool _ownsDataDirectory;
    private bool _stopped;
    private bool _disposed;

    private ParleyTestServer(WebApplication app, Dictionary<string, string?> settings, Action<IServiceCollection>? configureServices, bool ownsDataDirectory)
    {
        _app = app;
        _settings = settings;
        _configureServices = configureServices;
        _ownsDataDirectory = ownsDataDirectory;
        DataDirectory = settings["Parley:DataDirectory"]!;
        var listeners = app.Services.GetRequiredService<ListenerRegistry>();
        Port = listeners.EndpointOf(ParleyServer.LineProtocol)?.Port ?? 0;
        TlsPort = listeners.EndpointOf(ParleyServer.LineTlsProtocol)?.Port ?? 0;
        IrcPort = listeners.EndpointOf(ParleyServer.IrcProtocol)?.Port ?? 0;
        IrcTlsPort = listeners.EndpointOf(ParleyServer.IrcTlsProtocol)?.Port ?? 0;
        HttpPort = listeners.EndpointOf(ParleyServer.HttpProtocol)?.Port ?? 0;
        HttpsPort = listeners.EndpointOf(ParleyServer.HttpsProtocol)?.Port ?? 0;
    }

    /// <summary>The HTTP listener's bound port (health, metrics); 0 when it is off, as it is unless a test sets <c>Parley:Http:Port</c>.</summary>
    public int HttpPort { get; }

    /// <summary>The HTTPS listener's bound port (the web client, /ws over TLS); 0 when it is off, as it is unless a test sets <c>Parley:Https:Port</c>.</summary>
    public int HttpsPort { get; }

    /// <summary>The plain IRC listener's bound port; 0 when it is off.</summary>
    public int IrcPort { get; }

    /// <summary>The IRC-over-TLS listener's bound port; 0 when it is off.</summary>
    public int IrcTlsPort { get; }

    /// <summary>The plain line protocol's bound port; 0 when that listener is off.</summary>
    public int Port { get; }

    /// <summary>The TLS line protocol's bound port; 0 when that listener is off.</summary>
    public int TlsPort { get; }

    /// <summary>The server's data directory (<c>Parley:DataDirectory</c>): the database <c>parley.db</c> and the dev certificate.</summary>
    public string DataDirectory { get; }

    /// <summary>The server's services, e.g. to ask its policies.</summary>
    public IServiceProvider Services => _app.Services;

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
    /// <remarks>
    /// A test that sets <c>Parley:DataDirectory</c> keeps that directory (to restart a server on it);
    /// otherwise a fresh temporary one is made and deleted on dispose. Passwords are hashed with
    /// the fewest PBKDF2 iterations the server allows (10,000), to keep tests fast; a test may set
    /// <c>Parley:Accounts:PasswordHashIterations</c> itself. Registrations are not throttled (tests
    /// make many accounts from one address) unless a test sets <c>Parley:Accounts:MaxRegistrations*</c>.
    /// </remarks>
    public static Task<ParleyTestServer> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Parley:Host"] = "127.0.0.1",
            ["Parley:Port"] = AnyFreePort,
            ["Parley:Tls:Port"] = "0",
            ["Parley:Accounts:PasswordHashIterations"] = "10000",
            // Tests create many accounts from 127.0.0.1; the registration throttle's own tests set these back.
            ["Parley:Accounts:MaxRegistrationsPerAddress"] = "100000",
            ["Parley:Accounts:MaxRegistrations"] = "100000",
            ["Parley:Irc:Port"] = "0",
            ["Parley:Irc:TlsPort"] = "0",
            ["Parley:Http:Port"] = "0",
            ["Parley:Https:Port"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var ownsDataDirectory = !all.ContainsKey("Parley:DataDirectory");
        if (ownsDataDirectory)
            all["Parley:DataDirectory"] = NewTemporaryDirectory();
        return StartCoreAsync(all, configureServices, ownsDataDirectory);
    }

    /// <summary>
    /// Stops and disposes this server, then starts a new one with the same settings and services on
    /// the same data directory, which the new server then owns when this one did (and deletes on its dispose).
    /// </summary>
    /// <param name="settings">Settings to change for the new server, or null.</param>
    public async Task<ParleyTestServer> RestartAsync(IDictionary<string, string?>? settings = null)
    {
        var owns = _ownsDataDirectory;
        _ownsDataDirectory = false;
        await DisposeAsync();
        var all = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        all["Parley:DataDirectory"] = DataDirectory;
        return await StartCoreAsync(all, _configureServices, owns);
    }

    /// <summary>Starts a server with the TLS listener on a free port (and checking its certificate files on every handshake).</summary>
    public static Task<ParleyTestServer> StartWithTlsAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Parley:Tls:Port"] = AnyFreePort,
            ["Parley:Tls:ReloadCheckInterval"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return StartAsync(all);
    }

    /// <summary>
    /// Starts a server with the plain IRC listener on a free port (and, with
    /// <paramref name="tls"/>, IRC over TLS too), beside the plain line listener.
    /// </summary>
    public static Task<ParleyTestServer> StartWithIrcAsync(
        IDictionary<string, string?>? settings = null, bool tls = false, Action<IServiceCollection>? configureServices = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Parley:Irc:Port"] = AnyFreePort,
            ["Parley:Irc:TlsPort"] = tls ? AnyFreePort : "0",
            ["Parley:Tls:ReloadCheckInterval"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return StartAsync(all, configureServices);
    }

    /// <summary>Connects a raw IRC client to the plain IRC listener.</summary>
    public Task<IrcTestClient> ConnectIrcAsync(int? receiveBufferSize = null) => IrcTestClient.ConnectAsync(IrcPort, receiveBufferSize);

    /// <summary>Connects a raw IRC client from another local address (e.g. 127.0.0.2: another client to the server's limits).</summary>
    public Task<IrcTestClient> ConnectIrcFromAsync(System.Net.IPAddress from) => IrcTestClient.ConnectAsync(IrcPort, from: from);

    /// <summary>Connects a raw IRC client and registers <paramref name="nick"/> (NICK, USER, up to the end of the MOTD).</summary>
    public async Task<IrcTestClient> ConnectIrcAsAsync(string nick)
    {
        var client = await ConnectIrcAsync();
        await client.RegisterAsync(nick);
        return client;
    }

    /// <summary>A new empty directory under the system's temporary folder; the caller deletes it.</summary>
    public static string NewTemporaryDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "parley-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Connects a raw line client over TLS and reads its greeting.</summary>
    public Task<LineTestClient> ConnectTlsAsync(System.Security.Cryptography.X509Certificates.X509Certificate2? clientCertificate = null) =>
        LineTestClient.ConnectTlsAsync(TlsPort, clientCertificate);

    /// <summary>Connects a raw line client and reads its greeting.</summary>
    public Task<LineTestClient> ConnectAsync(int? receiveBufferSize = null) => LineTestClient.ConnectAsync(Port, receiveBufferSize);

    /// <summary>Connects a raw line client from another local address (e.g. 127.0.0.2: another client to the server's limits) and reads its greeting.</summary>
    public Task<LineTestClient> ConnectFromAsync(System.Net.IPAddress from) => LineTestClient.ConnectAsync(Port, from: from);

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
        if (_ownsDataDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temporary directory harms nothing.
            }
        }
    }

    private static async Task<ParleyTestServer> StartCoreAsync(
        Dictionary<string, string?> settings, Action<IServiceCollection>? configureServices, bool ownsDataDirectory)
    {
        var app = ParleyServer.Build(settings, logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning), configureServices);
        await app.StartAsync();
        return new ParleyTestServer(app, settings, configureServices, ownsDataDirectory);
    }
}

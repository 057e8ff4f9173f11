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
/// off unless started with <see cref="StartWithIrcAsync"/>.
/// </summary>
public sealed class ParleyTestServer : IAsyncDisposable
{
    /// <summary>The port value meaning "any free port" (0 turns a listener off).</summary>
    public const string AnyFreePort = "-1";

    private readonly WebApplication _app;
    private readonly bool _ownsDataDirectory;
    private bool _stopped;

    private ParleyTestServer(WebApplication app, string dataDirectory, bool ownsDataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        var listeners = app.Services.GetRequiredService<ListenerRegistry>();
        Port = listeners.EndpointOf(ParleyServer.LineProtocol)?.Port ?? 0;
        TlsPort = listeners.EndpointOf(ParleyServer.LineTlsProtocol)?.Port ?? 0;
        IrcPort = listeners.EndpointOf(ParleyServer.IrcProtocol)?.Port ?? 0;
        IrcTlsPort = listeners.EndpointOf(ParleyServer.IrcTlsProtocol)?.Port ?? 0;
    }

    /// <summary>The plain IRC listener's bound port; 0 when it is off.</summary>
    public int IrcPort { get; }

    /// <summary>The IRC-over-TLS listener's bound port; 0 when it is off.</summary>
    public int IrcTlsPort { get; }

    /// <summary>The plain line protocol's bound port; 0 when that listener is off.</summary>
    public int Port { get; }

    /// <summary>The TLS line protocol's bound port; 0 when that listener is off.</summary>
    public int TlsPort { get; }

    /// <summary>The server's data directory (<c>Parley:DataDirectory</c>).</summary>
    public string DataDirectory { get; }

    /// <summary>The server's services, e.g. to ask its policies.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The running chat core, for assertions on its state.</summary>
    public ChatHub Hub => _app.Services.GetRequiredService<ChatHub>();

    /// <summary>Starts a server with <paramref name="settings"/> (configuration keys like <c>Parley:Limits:MaxOutboundBytes</c>).</summary>
    /// <remarks>
    /// A test that sets <c>Parley:DataDirectory</c> keeps that directory (to restart a server on it);
    /// otherwise a fresh temporary one is made and deleted on dispose.
    /// </remarks>
    public static async Task<ParleyTestServer> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Parley:Host"] = "127.0.0.1",
            ["Parley:Port"] = AnyFreePort,
            ["Parley:Tls:Port"] = "0",
            ["Parley:Irc:Port"] = "0",
            ["Parley:Irc:TlsPort"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var ownsDataDirectory = !all.ContainsKey("Parley:DataDirectory");
        if (ownsDataDirectory)
            all["Parley:DataDirectory"] = NewTemporaryDirectory();

        var app = ParleyServer.Build(all, logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        return new ParleyTestServer(app, all["Parley:DataDirectory"]!, ownsDataDirectory);
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
    public static Task<ParleyTestServer> StartWithIrcAsync(IDictionary<string, string?>? settings = null, bool tls = false)
    {
        var all = new Dictionary<string, string?>
        {
            ["Parley:Irc:Port"] = AnyFreePort,
            ["Parley:Irc:TlsPort"] = tls ? AnyFreePort : "0",
            ["Parley:Tls:ReloadCheckInterval"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return StartAsync(all);
    }

    /// <summary>Connects a raw IRC client to the plain IRC listener.</summary>
    public Task<IrcTestClient> ConnectIrcAsync(int? receiveBufferSize = null) => IrcTestClient.ConnectAsync(IrcPort, receiveBufferSize);

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
}

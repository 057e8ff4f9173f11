using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using Parley.Core.Accounts;
using Parley.Core.Accounts.Throttling;
using Parley.Core.Cluster;
using Parley.Core.Messages;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.ReadMarkers;
using Parley.Core.Routing;
using Parley.Core.Security;
using Parley.Core.Storage;
using Parley.FrontEnds.Irc;
using Parley.FrontEnds.Line;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Parley.Server.Connections;
using Parley.Server.Listeners;
using Parley.Server.Observability;
using Parley.Server.Security;
using Parley.Server.Tls;
using Parley.Server.Web;

namespace Parley.Server.Hosting;

/// <summary>Builds the Parley host: configuration, services and Kestrel listeners.</summary>
public static partial class ParleyServer
{
    /// <summary>Protocol name of the plain line-protocol listener in <see cref="ListenerRegistry"/>.</summary>
    public const string LineProtocol = "line";

    /// <summary>Protocol name of the line-protocol-over-TLS listener in <see cref="ListenerRegistry"/>.</summary>
    public const string LineTlsProtocol = "line-tls";

    /// <summary>Protocol name of the plain IRC listener in <see cref="ListenerRegistry"/>.</summary>
    public const string IrcProtocol = "irc";

    /// <summary>Protocol name of the IRC-over-TLS listener in <see cref="ListenerRegistry"/>.</summary>
    public const string IrcTlsProtocol = "ircs";

    /// <summary>Name of the HTTP listener (health, readiness, metrics) in <see cref="ListenerRegistry"/>.</summary>
    public const string HttpProtocol = "http";

    /// <summary>Name of the HTTPS listener (the web client and <c>/ws</c> over TLS, health, metrics) in <see cref="ListenerRegistry"/>.</summary>
    public const string HttpsProtocol = "https";

    /// <summary>
    /// Creates the application. Configuration comes, lowest priority first, from appsettings.json
    /// beside the binary, environment variables (<c>Parley__Port=5000</c>), then
    /// <paramref name="overrides"/> (the command line, or a test's settings).
    /// </summary>
    /// <param name="overrides">Configuration keys such as <c>Parley:Port</c> and their values.</param>
    /// <param name="configureLogging">Adjusts logging, e.g. quiets it in tests.</param>
    /// <param name="configureServices">
    /// Runs after the default services are added, to replace some: e.g. the <see cref="IRoomStore"/>
    /// and <see cref="IRoomHistory"/> (SQLite by default) with another store.
    /// </param>
    /// <returns>The application, not yet started.</returns>
    /// <exception cref="ArgumentException">The configuration holds an invalid value.</exception>
    public static WebApplication Build(
        IEnumerable<KeyValuePair<string, string?>> overrides,
        Action<ILoggingBuilder>? configureLogging = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(overrides);
        AddConfigFile(builder.Configuration);
        ConfigureConsoleLogging(builder.Services, builder.Configuration);
        // A listener that cannot bind is told in one line by Program (StartupErrors); the host's
        // own "Hosting failed to start" would add the stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        configureLogging?.Invoke(builder.Logging);

        var options = ReadOptions(builder.Configuration);
        var roomLimits = builder.Configuration.GetSection(RoomLimits.SectionName).Get<RoomLimits>() ?? new RoomLimits();
        roomLimits.Validate();
        var admissionOptions = builder.Configuration.GetSection(AdmissionOptions.SectionName).Get<AdmissionOptions>() ?? new AdmissionOptions();
        admissionOptions.Validate();
        var transportOptions = ReadTransport(builder.Configuration);
        var storage = StorageProviders.Read(builder.Configuration, options);
        var webOptions = WebServerOptions.Read(builder.Configuration);
        var cluster = ClusterProviders.Read(builder.Configuration, options);
        var listeners = new ListenerRegistry();

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Limits);
        builder.Services.AddSingleton(options.Accounts);
        builder.Services.AddSingleton(listeners);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(options.Rooms);
        builder.Services.AddSingleton(roomLimits);
        builder.Services.AddSingleton(new OperatorPolicy(options.Operators));
        // The stores (accounts, certificates, messages, rooms, room history, read markers, server
        // bans) and the store's health and backup, from the provider Parley:Storage:Provider names;
        // configureServices may still replace some.
        storage(builder.Services);
        builder.Services.AddSingleton<IPasswordHashing, IdentityPasswordHashing>();
        builder.Services.AddSingleton<ILoginThrottle>(services => new LoginThrottle(options.Accounts, services.GetRequiredService<TimeProvider>()));
        // Events reach sessions through the routing port: in process by default, or across nodes
        // through the provider Parley:Cluster:Provider names (ClusterProviders).
        cluster(builder.Services);
        builder.Services.AddSingleton<ChatHub>(services => new ChatHub(
            services.GetRequiredService<IAccountStore>(),
            services.GetRequiredService<IMessageStore>(),
            options.Accounts,
            options.Rooms,
            roomLimits,
            services.GetRequiredService<IRoomStore>(),
            services.GetRequiredService<IRoomHistory>(),
            services.GetRequiredService<OperatorPolicy>(),
            services.GetRequiredService<TimeProvider>(),
            // A cluster's shared nick space, ids and account gates; none (in process) for one node.
            services.GetService<ClusterPorts>())
        {
            ReadMarkers = services.GetRequiredService<IReadMarkerStore>(),
            Router = services.GetRequiredService<IEventRouter>(),
        });
        builder.Services.AddSingleton(services => new RegistrationThrottle(options.Accounts, services.GetRequiredService<TimeProvider>()));
        // Fewer hashes at once than cores, and a bounded wait: a login or registration flood cannot starve chat.
        builder.Services.AddSingleton(new PasswordHashingLimiter(options.Accounts.MaxConcurrentHashes, options.Accounts.MaxQueuedHashes));
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddSingleton<LineFrontEnd>();
        builder.Services.AddSingleton(options.Irc);
        builder.Services.AddSingleton<IrcFrontEnd>();
        builder.Services.AddSingleton<ConnectionSecurityReader>();
        builder.Services.AddSingleton(new LoginTransportPolicy(options.Tls.RequireForLogin));
        builder.Services.AddSingleton(new TrustedNetworkList(options.Tls));
        builder.Services.AddSingleton<ServerCertificateSource>();
        // Connection limits in front of every listener (docs/security.md), and an accept loop
        // that backs off when descriptors run out instead of spinning (registered after Kestrel's
        // socket transport, so Kestrel prefers it for TCP endpoints).
        builder.Services.AddSingleton(admissionOptions);
        builder.Services.AddSingleton(_ => CreateAdmission(admissionOptions));
        builder.Services.AddSingleton<ConnectionMetrics>();
        builder.Services.AddSingleton<ConnectionGate>();
        builder.Services.AddSingleton<IConnectionListenerFactory, BackoffSocketTransportFactory>();
        builder.Services.Configure<SocketTransportOptions>(socket =>
        {
            socket.UnsafePreferInlineScheduling = transportOptions.InlineScheduling;
            if (transportOptions.IOQueueCount > 0)
                socket.IOQueueCount = transportOptions.IOQueueCount;
        });
        builder.Services.AddSingleton<ServerMetrics>();
        // The web client's WebSocket (docs/web.md): who may open it, who it proves to be (the web
        // sessions replace the default identity, which proves no one).
        builder.Services.AddSingleton(webOptions);
        builder.Services.AddSingleton<WebOriginPolicy>();
        builder.Services.AddSingleton<IWebSocketIdentity, NoWebSocketIdentity>();
        builder.Services.AddSingleton<WebSocketEndpoint>();
        AddMetrics(builder.Services, options.Metrics);
        // Before Kestrel listens (hosted services start first): restore the registered rooms.
        builder.Services.AddHostedService<RoomRestoreService>();
        builder.Services.AddSingleton<ConfigurationReloader>();
        builder.Services.AddSingleton<ServerBanPersistence>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ServerBanPersistence>());
        // The browsers' sign-in sessions (Parley:Web:SessionLifetime) and their WebSocket identity (docs/web.md).
        WebSessionEndpoints.AddServices(builder.Services, WebSessionEndpoints.ReadOptions(builder.Configuration));
        configureServices?.Invoke(builder.Services);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);

        builder.WebHost.ConfigureKestrel(kestrel => ConfigureListeners(kestrel, options, webOptions, listeners));

        // Kestrel's listeners are configured during Build, and their connection handlers need the
        // hub and so the store: Build opens it (resolving its health opens it: SQLite runs its
        // migrations), so a bad data directory or a too-new schema stops the start here, before
        // the first connection.
        WebApplication app;
        try
        {
            app = builder.Build();
            app.Services.GetRequiredService<IStoreHealth>();
            // A cluster node takes its lease and loads the nick space now, before the first connection.
            app.Services.GetService<ClusterPorts>();
        }
        catch (StoreUnavailableException e)
        {
            throw new ArgumentException(StorageProviders.Describe(e, options), e);
        }

        // Load (or create) the certificate now, so a bad one fails the start, not the first client.
        if (ListenerTable.AnyTlsEnabled(options))
            app.Services.GetRequiredService<ServerCertificateSource>();

        app.Services.GetRequiredService<ServerMetrics>().Observe(app.Services.GetRequiredService<ChatHub>());
        UseReload(app);
        WebPipeline.Map(app);
        HttpEndpoints.Map(app);
        WebSessionEndpoints.Map(app);
        // An operator's /stats: the same series as /metrics and parley-server stats, read in the process.
        var scrape = new MetricsScrape(app);
        app.Services.GetRequiredService<ChatHub>().StatsHandler = async cancellationToken => StatsReport.Lines(await scrape.ReadAsync(cancellationToken));

        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ParleyServer).FullName!);
        lifetime.ApplicationStarted.Register(() =>
        {
            ApplyConnectionCap(app.Services.GetRequiredService<ConnectionGate>(), admissionOptions, webOptions, logger);
            foreach (var (protocol, endpoint) in listeners.All)
                ServerLog.Listening(logger, protocol, endpoint?.ToString());
            ServerLog.Started(logger, typeof(ParleyServer).Assembly.GetName().Version?.ToString(3));
        });
        lifetime.ApplicationStopping.Register(() =>
        {
            var hub = app.Services.GetRequiredService<ChatHub>();
            ServerLog.ShuttingDown(logger, hub.SessionCount);
            hub.Shutdown();
        });
        return app;
    }

    // SIGHUP (systemctl reload) and an operator's /rehash or REHASH reload the live settings.
    private static void UseReload(WebApplication app)
    {
        var reloader = app.Services.GetRequiredService<ConfigurationReloader>();
        var hub = app.Services.GetRequiredService<ChatHub>();
        hub.RehashHandler = by => reloader.Reload("rehash by server operator " + by);
        if (HangUpSignal.IsIgnored())
            ServerLog.HangUpIgnored(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ParleyServer).FullName!));
        var hangUp = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGHUP, context =>
        {
            // Handled: the default action of SIGHUP would end the process.
            context.Cancel = true;
            try
            {
                reloader.Reload("SIGHUP");
            }
            catch (ArgumentException)
            {
                // Logged by the reloader; the running settings stay.
            }
        });
        app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(hangUp.Dispose);
    }

    // The cap in force: configured, or derived from the descriptor limit, and never more than the
    // derived one (the runtime aborts with "Out of memory." once descriptors run out, whatever the
    // accept loop does: measured with MaxConnections=10000 under prlimit --nofile=256). Derived
    // twice: now, provisionally, and again once started, when the runtime, Kestrel and the database
    // hold the descriptors they keep (about 50 more than at this point, measured).
    private static ConnectionAdmission CreateAdmission(AdmissionOptions options)
    {
        var limit = DescriptorBudget.SoftLimit();
        var derived = DescriptorBudget.Cap(limit, DescriptorBudget.OpenNow());
        if (options.MaxConnections == 0)
            return new(options, derived);
        return new(options, limit is null ? options.MaxConnections : Math.Min(options.MaxConnections, derived));
    }

    // Sets (and logs) the server-wide cap in force, on the chat and the HTTP connections: at
    // start, and again on a reload.
    internal static void ApplyConnectionCap(ConnectionGate gate, AdmissionOptions options, WebServerOptions web, ILogger logger)
    {
        var admission = gate.Admission;
        var limit = DescriptorBudget.SoftLimit();
        var open = DescriptorBudget.OpenNow();
        var derived = DescriptorBudget.Cap(limit, open);
        var source = limit is { } l && open is { } o
            ? $"descriptor limit {l} - {o} open - {DescriptorBudget.Reserve(l)} reserved"
            : "descriptor limit unknown";
        // Not Linux: no limit to check a configured cap against.
        if (options.MaxConnections > 0 && (options.MaxConnections <= derived || limit is null))
        {
            admission.MaxConnections = options.MaxConnections;
            source = "Parley:Limits:MaxConnections";
        }
        else
        {
            admission.MaxConnections = derived;
            if (options.MaxConnections > derived)
                ConnectionsLog.MaxConnectionsOverDescriptors(logger, options.MaxConnections, derived);
            if (limit is { } low && open is { } already && derived <= DescriptorBudget.MinimumCap)
                ConnectionsLog.LowDescriptorLimit(logger, low, already, derived);
        }

        gate.Http.MaxConnections = admission.MaxConnections;
        ConnectionsLog.Limits(logger, admission.MaxConnections, source, options.MaxConnectionsPerAddress, options.MaxNewConnectionsPerAddress, options.NewConnectionWindow);
        ConnectionsLog.HttpLimits(logger, web.MaxConnectionsPerAddress, web.MaxNewConnectionsPerAddress, options.NewConnectionWindow);
    }

    // Every Parley.* meter, to Prometheus text at /metrics and, when configured, to OTLP.
    private static void AddMetrics(IServiceCollection services, MetricsOptions options) =>
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("parley-server", serviceVersion: typeof(ParleyServer).Assembly.GetName().Version?.ToString(3)))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ServerMetrics.ExportedMeters);
                // No response cache (default 300 ms): a scrape shows what happened before it.
                metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
                if (options.OtlpEndpoint is { } endpoint)
                    metrics.AddOtlpExporter(otlp => otlp.Endpoint = new Uri(endpoint));
            });

    private static int BindPort(int port) => port == ParleyOptions.AnyFreePort ? 0 : port;

    private static IPAddress ResolveAddress(string host)
    {
        if (IPAddress.TryParse(host, out var address))
            return address;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return IPAddress.Loopback;
        return Dns.GetHostAddresses(host).FirstOrDefault()
            ?? throw new ArgumentException($"host '{host}' has no address", nameof(host));
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using Parley.Core.Accounts;
using Parley.Core.Accounts.Throttling;
using Parley.Core.Messages;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Security;
using Parley.FrontEnds.Irc;
using Parley.FrontEnds.Line;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Parley.Server.Listeners;
using Parley.Server.Observability;
using Parley.Server.Security;
using Parley.Server.Tls;
using Parley.Storage.Sqlite;

namespace Parley.Server.Hosting;

/// <summary>Builds the Parley host: configuration, services and Kestrel listeners.</summary>
public static class ParleyServer
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
        configureLogging?.Invoke(builder.Logging);

        var options = ReadOptions(builder.Configuration);
        var roomLimits = builder.Configuration.GetSection(RoomLimits.SectionName).Get<RoomLimits>() ?? new RoomLimits();
        roomLimits.Validate();
        var listeners = new ListenerRegistry();

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Limits);
        builder.Services.AddSingleton(options.Accounts);
        // One data directory (Parley:DataDirectory) for the database and the development certificate.
        builder.Services.AddSingleton(options.SqliteStore);
        builder.Services.AddSingleton(listeners);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(options.Rooms);
        builder.Services.AddSingleton(roomLimits);
        builder.Services.AddSingleton(new OperatorPolicy(options.Operators));
        builder.Services.AddSingleton<SqliteDatabase>();
        builder.Services.AddSingleton<IAccountStore, SqliteAccountStore>();
        builder.Services.AddSingleton<ICertificateStore, SqliteCertificateStore>();
        builder.Services.AddSingleton<IMessageStore, SqliteMessageStore>();
        builder.Services.AddSingleton<IPasswordHashing, IdentityPasswordHashing>();
        builder.Services.AddSingleton<ILoginThrottle>(services => new LoginThrottle(options.Accounts, services.GetRequiredService<TimeProvider>()));
        // Registered rooms and room messages in parley.db, beside accounts and messages (the core's
        // in-memory defaults serve its unit tests; configureServices may still replace these).
        builder.Services.AddSingleton<IRoomStore, SqliteRoomStore>();
        builder.Services.AddSingleton<IRoomHistory, SqliteRoomHistory>();
        builder.Services.AddSingleton<ChatHub>(services => new ChatHub(
            services.GetRequiredService<IAccountStore>(),
            services.GetRequiredService<IMessageStore>(),
            options.Accounts,
            options.Rooms,
            roomLimits,
            services.GetRequiredService<IRoomStore>(),
            services.GetRequiredService<IRoomHistory>(),
            services.GetRequiredService<OperatorPolicy>(),
            services.GetRequiredService<TimeProvider>()));
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
        builder.Services.AddSingleton<ServerMetrics>();
        AddMetrics(builder.Services, options.Metrics);
        // Before Kestrel listens (hosted services start first): restore the registered rooms.
        builder.Services.AddHostedService<RoomRestoreService>();
        configureServices?.Invoke(builder.Services);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = ResolveAddress(options.Host);
            var metrics = kestrel.ApplicationServices.GetRequiredService<ServerMetrics>();
            if (options.Port != ParleyOptions.Disabled)
            {
                kestrel.Listen(address, BindPort(options.Port), listen =>
                {
                    ConnectionCounting.Use(listen, metrics, LineProtocol, LineProtocol);
                    listen.UseConnectionHandler<LineConnectionHandler>();
                    listeners.Add(LineProtocol, listen);
                });
            }

            if (options.Tls.Port != ParleyOptions.Disabled)
            {
                var certificates = kestrel.ApplicationServices.GetRequiredService<ServerCertificateSource>();
                kestrel.Listen(address, BindPort(options.Tls.Port), listen =>
                {
                    ConnectionCounting.Use(listen, metrics, LineTlsProtocol, LineProtocol);
                    TlsListener.UseTls(listen, certificates, options.Tls);
                    listen.UseConnectionHandler<LineConnectionHandler>();
                    listeners.Add(LineTlsProtocol, listen);
                });
            }

            if (options.Irc.Port != ParleyOptions.Disabled)
            {
                kestrel.Listen(address, BindPort(options.Irc.Port), listen =>
                {
                    ConnectionCounting.Use(listen, metrics, IrcProtocol, IrcProtocol);
                    listen.UseConnectionHandler<IrcConnectionHandler>();
                    listeners.Add(IrcProtocol, listen);
                });
            }

            if (options.Irc.TlsPort != ParleyOptions.Disabled)
            {
                // The same certificate source as the line protocol's TLS: one certificate, one reload.
                var certificates = kestrel.ApplicationServices.GetRequiredService<ServerCertificateSource>();
                kestrel.Listen(address, BindPort(options.Irc.TlsPort), listen =>
                {
                    ConnectionCounting.Use(listen, metrics, IrcTlsProtocol, IrcProtocol);
                    TlsListener.UseTls(listen, certificates, options.Tls);
                    listen.UseConnectionHandler<IrcConnectionHandler>();
                    listeners.Add(IrcTlsProtocol, listen);
                });
            }

            if (options.Http.Port != ParleyOptions.Disabled)
            {
                // No connection handler: this listener runs the ASP.NET Core pipeline (HttpEndpoints).
                kestrel.Listen(ResolveAddress(options.Http.Host), BindPort(options.Http.Port), listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    listeners.Add(HttpProtocol, listen);
                });
            }
        });

        var app = builder.Build();
        HttpEndpoints.Map(app);

        // Open the database now: a bad data directory or a too-new schema stops the start, and
        // migrations run before the first connection rather than during it.
        app.Services.GetRequiredService<SqliteDatabase>();

        // Load (or create) the certificate now, so a bad one fails the start, not the first client.
        if (options.Tls.Port != ParleyOptions.Disabled || options.Irc.TlsPort != ParleyOptions.Disabled)
            app.Services.GetRequiredService<ServerCertificateSource>();

        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ParleyServer).FullName!);
        lifetime.ApplicationStarted.Register(() =>
        {
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

    /// <summary>
    /// Reads the options as <see cref="Build"/> would (appsettings.json beside the binary,
    /// environment variables, then <paramref name="overrides"/>), for commands that need the
    /// settings but not a server, such as <c>backup</c>.
    /// </summary>
    /// <param name="overrides">Configuration keys and their values.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="ArgumentException">The configuration holds an invalid value.</exception>
    public static ParleyOptions ReadOptions(IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        return ReadOptions(configuration);
    }

    private static ParleyOptions ReadOptions(IConfiguration configuration)
    {
        // One key for the data directory: the accounts branch's Parley:Storage:DataDirectory was
        // merged into it, so a setting of the old key must not be silently ignored.
        if (configuration[$"{ParleyOptions.SectionName}:Storage:DataDirectory"] is not null)
            throw new ArgumentException("Parley:Storage:DataDirectory is not a setting: use Parley:DataDirectory (--data)");
        var options = configuration.GetSection(ParleyOptions.SectionName).Get<ParleyOptions>() ?? new ParleyOptions();
        options.Validate();
        return options;
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

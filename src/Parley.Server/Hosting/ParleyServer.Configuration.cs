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
using Parley.Server.Connections;
using Parley.Server.Listeners;
using Parley.Server.Observability;
using Parley.Server.Security;
using Parley.Server.Tls;

namespace Parley.Server.Hosting;

/// <summary>How the host reads and checks its configuration and sets up console logging.</summary>
public static partial class ParleyServer
{
    /// <summary>
    /// Reads the options as <see cref="Build"/> would (appsettings.json beside the binary,
    /// environment variables, then <paramref name="overrides"/>), for commands that need the
    /// settings but not a server, such as <c>backup</c>.
    /// </summary>
    /// <param name="overrides">Configuration keys and their values.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="ArgumentException">The configuration holds an invalid value.</exception>
    public static ParleyOptions ReadOptions(IEnumerable<KeyValuePair<string, string?>> overrides) =>
        ReadOptions(LoadConfiguration(overrides));

    /// <summary>
    /// Checks the configuration as a start would, without binding a port or touching the data
    /// directory: every setting, the room limits, the log format, and the TLS certificate files
    /// when some are configured (<c>--check-config</c>).
    /// </summary>
    /// <param name="overrides">Configuration keys and their values.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public static ParleyOptions CheckConfiguration(IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var configuration = LoadConfiguration(overrides);
        var options = ReadOptions(configuration);
        (configuration.GetSection(RoomLimits.SectionName).Get<RoomLimits>() ?? new RoomLimits()).Validate();
        _ = ReadTransport(configuration);
        _ = LogFormatOf(configuration);
        _ = Web.WebSessionEndpoints.ReadOptions(configuration);
        _ = Web.WebServerOptions.Read(configuration);
        if (options.Tls.CertificatePath is not null && ListenerTable.AnyTlsEnabled(options))
            _ = new ServerCertificateSource(options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ServerCertificateSource>.Instance);
        return options;
    }

    // The layers Build reads, without a host: appsettings.json beside the binary, the --config
    // file, environment variables, then the overrides.
    private static ConfigurationManager LoadConfiguration(IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var configuration = new ConfigurationManager();
        configuration.SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides);
        AddConfigFile(configuration);
        return configuration;
    }

    // Parley:Transport, validated: Kestrel's socket scheduling (TransportOptions).
    private static TransportOptions ReadTransport(ConfigurationManager configuration)
    {
        var transport = configuration.GetSection(TransportOptions.SectionName).Get<TransportOptions>() ?? new TransportOptions();
        transport.Validate();
        return transport;
    }

    /// <summary>
    /// The configuration key naming a JSON configuration file (<c>--config</c>, or the environment's
    /// <c>Parley__ConfigFile</c>): read after appsettings.json, before environment variables and the command line.
    /// </summary>
    public const string ConfigFileKey = "Parley:ConfigFile";

    /// <summary>The configuration key of the console log format: <c>simple</c> (default, one line per event) or <c>json</c> (<c>--log-format</c>).</summary>
    public const string LogFormatKey = "Parley:LogFormat";

    // The --config file goes in just before the (unprefixed) environment variables, so the
    // environment and the command line still override it, as ASP.NET Core layers configuration.
    private static void AddConfigFile(ConfigurationManager configuration)
    {
        if (configuration[ConfigFileKey] is not { Length: > 0 } file)
            return;
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{ConfigFileKey} (--config) is '{file}': no such file ({path})", path);
        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = Path.GetFileName(path),
            Optional = false,
            ReloadOnChange = false,
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetDirectoryName(path)!),
        };
        var sources = ((IConfigurationBuilder)configuration).Sources;
        var environment = sources
            .Select((s, i) => (Source: s, Index: i))
            .FirstOrDefault(p => p.Source is Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (environment.Source is null)
            sources.Insert(0, source);
        else
            sources.Insert(environment.Index, source);
    }

    private static string LogFormatOf(ConfigurationManager configuration)
    {
        var format = configuration[LogFormatKey] ?? configuration["Logging:Console:FormatterName"] ?? "simple";
        return format is "simple" or "json" or "systemd"
            ? format
            : throw new ArgumentException($"{LogFormatKey} (--log-format) is '{format}': allowed are simple, json or systemd");
    }

    // Timestamps (UTC, ISO 8601) and one line per event by default; JSON lines with --log-format json.
    private static void ConfigureConsoleLogging(IServiceCollection services, ConfigurationManager configuration)
    {
        var format = LogFormatOf(configuration);
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.FormatterName = format);
        services.Configure<Microsoft.Extensions.Logging.Console.SimpleConsoleFormatterOptions>(simple =>
        {
            simple.SingleLine = true;
            simple.UseUtcTimestamp = true;
            simple.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        services.Configure<Microsoft.Extensions.Logging.Console.JsonConsoleFormatterOptions>(json =>
        {
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
    }

    internal static ParleyOptions ReadOptions(ConfigurationManager configuration)
    {
        // One key for the data directory: the accounts branch's Parley:Storage:DataDirectory was
        // merged into it, so a setting of the old key must not be silently ignored.
        if (configuration[$"{ParleyOptions.SectionName}:Storage:DataDirectory"] is not null)
            throw new ArgumentException("Parley:Storage:DataDirectory is not a setting: use Parley:DataDirectory (--data)");
        var options = configuration.GetSection(ParleyOptions.SectionName).Get<ParleyOptions>() ?? new ParleyOptions();
        options.Validate();
        // The provider's own settings (SQLite's Synchronous, CommitDelay...), checked as the rest.
        _ = StorageProviders.Read(configuration, options);
        return options;
    }
}

using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Parley.Core.Accounts.Throttling;
using Parley.Core.Presence;
using Parley.FrontEnds.Irc;
using Parley.FrontEnds.Line;
using Parley.Server.Connections;

namespace Parley.Server.Hosting;

/// <summary>
/// Re-reads the configuration (appsettings.json, the <c>--config</c> file, the environment) on
/// SIGHUP or an operator's <c>/rehash</c> / <c>REHASH</c>, and applies what can change without a
/// restart: the server operators, the IRC MOTD, the per-connection limits and flood rates
/// (<c>Parley:Limits</c>, for connections accepted after it), the connection caps and exemptions
/// (and the HTTP connections' per-address caps, <c>Parley:Web:MaxConnectionsPerAddress</c> and
/// <c>MaxNewConnectionsPerAddress</c>; the rest of <c>Parley:Web</c> needs a restart),
/// the registration throttle, and the server-ban list, read again from the store. Ports,
/// addresses, TLS paths, room limits and the rest need a restart (docs/operations.md); the TLS
/// certificate files reload by themselves.
/// </summary>
/// <remarks>Thread-safe: one reload at a time; each setting is swapped in whole; a bad file changes nothing.</remarks>
internal sealed class ConfigurationReloader(
    IConfiguration configuration,
    ChatHub hub,
    IrcFrontEnd irc,
    LineFrontEnd line,
    ConnectionGate gate,
    RegistrationThrottle registrations,
    ServerBanPersistence bans,
    ILogger<ConfigurationReloader> logger)
{
    private readonly Lock _gate = new();

    /// <summary>Reloads and applies the live settings.</summary>
    /// <param name="trigger">What asked, for the log: <c>SIGHUP</c> or <c>REHASH by</c> the operator's account.</param>
    /// <returns>A one-line summary of what is now in force.</returns>
    /// <exception cref="ArgumentException">The configuration is invalid (one line naming the setting); nothing was changed.</exception>
    public string Reload(string trigger)
    {
        lock (_gate)
        {
            ParleyOptions options;
            AdmissionOptions admission;
            Web.WebServerOptions web;
            try
            {
                ((IConfigurationRoot)configuration).Reload();
                options = ParleyServer.ReadOptions((ConfigurationManager)configuration);
                admission = configuration.GetSection(AdmissionOptions.SectionName).Get<AdmissionOptions>() ?? new AdmissionOptions();
                admission.Validate();
                web = Web.WebServerOptions.Read(configuration);
            }
            catch (Exception e) when (StartupErrors.IsConfiguration(e))
            {
                var reason = StartupErrors.Describe(e);
                ServerLog.ReloadRefused(logger, trigger, reason);
                throw new ArgumentException(reason, e);
            }

            hub.Operators.Replace(options.Operators);
            irc.SetMotd(options.Irc.Motd);
            line.SetLimits(options.Limits);
            irc.SetLimits(options.Limits);
            gate.Reconfigure(admission, web);
            ParleyServer.ApplyConnectionCap(gate, admission, web, logger);
            registrations.Reconfigure(options.Accounts);
            var banCount = bans.Reload();

            var motd = string.IsNullOrEmpty(options.Irc.Motd) ? "none" : Count(options.Irc.Motd.Split('\n').Length, "line");
            var flood = options.Limits.Flood.IsEnabled
                ? string.Create(CultureInfo.InvariantCulture, $"{options.Limits.Flood.MessagesPerSecond:G}/s burst {options.Limits.Flood.Burst}")
                : "off";
            var summary = $"{Count(options.Operators.Count, "operator")}, MOTD {motd}, {Count(banCount, "server ban")}, flood {flood}, "
                + (admission.MaxConnectionsPerAddress == 0 ? "no cap per address" : $"{Count(admission.MaxConnectionsPerAddress, "connection")} per address");
            ServerLog.Reloaded(logger, trigger, summary);
            return summary;
        }
    }

    private static string Count(int count, string singular) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : singular + "s");
}

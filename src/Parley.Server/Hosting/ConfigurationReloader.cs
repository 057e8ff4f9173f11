using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Parley.Core.Presence;
using Parley.FrontEnds.Irc;

namespace Parley.Server.Hosting;

/// <summary>
/// Re-reads the configuration (appsettings.json, the <c>--config</c> file, the environment) on
/// SIGHUP or an operator's <c>/rehash</c> / <c>REHASH</c>, and applies what can change without a
/// restart: the server operators and the IRC MOTD. Everything else (ports, TLS paths, limits)
/// needs a restart; the TLS certificate files reload by themselves; server bans are live already
/// (every <c>/ban</c> is stored as it is set).
/// </summary>
/// <remarks>Thread-safe: each setting is swapped in whole; a bad file changes nothing.</remarks>
internal sealed class ConfigurationReloader(IConfiguration configuration, ChatHub hub, IrcFrontEnd irc, ILogger<ConfigurationReloader> logger)
{
    private readonly Lock _gate = new();

    /// <summary>Reloads and applies the live settings.</summary>
    /// <param name="trigger">What asked, for the log: <c>SIGHUP</c> or the operator's nick.</param>
    /// <returns>A one-line summary of what is now in force.</returns>
    /// <exception cref="ArgumentException">The configuration is invalid (one line naming the setting); nothing was changed.</exception>
    public string Reload(string trigger)
    {
        lock (_gate)
        {
            ParleyOptions options;
            try
            {
                ((IConfigurationRoot)configuration).Reload();
                options = ParleyServer.ReadOptions((ConfigurationManager)configuration);
            }
            catch (Exception e) when (StartupErrors.IsConfiguration(e))
            {
                var reason = StartupErrors.Describe(e);
                ServerLog.ReloadRefused(logger, trigger, reason);
                throw new ArgumentException(reason, e);
            }

            hub.Operators.Replace(options.Operators);
            irc.SetMotd(options.Irc.Motd);
            var motd = string.IsNullOrEmpty(options.Irc.Motd) ? "none" : $"{options.Irc.Motd.Split('\n').Length} lines";
            ServerLog.Reloaded(logger, trigger, options.Operators.Count, motd, hub.ServerBans.Bans.Count);
            return $"{options.Operators.Count} operators, MOTD {motd}, {hub.ServerBans.Bans.Count} server bans";
        }
    }
}

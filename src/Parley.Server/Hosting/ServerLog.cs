using Microsoft.Extensions.Logging;

namespace Parley.Server.Hosting;

/// <summary>Log messages of the host. Event ids are stable: 1-99.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Information, "Parley {Protocol} protocol listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, string protocol, string? endpoint);

    [LoggerMessage(3, LogLevel.Information, "Parley {Version} started; press Ctrl+C to stop")]
    public static partial void Started(ILogger logger, string? version);

    [LoggerMessage(2, LogLevel.Information, "Shutting down: telling {Sessions} sessions")]
    public static partial void ShuttingDown(ILogger logger, int sessions);

    [LoggerMessage(4, LogLevel.Information, "Restored {Count} registered rooms")]
    public static partial void RoomsRestored(ILogger logger, int count);

    [LoggerMessage(5, LogLevel.Information, "Loaded {Count} server bans from the store")]
    public static partial void ServerBansLoaded(ILogger logger, int count);

    [LoggerMessage(6, LogLevel.Error, "A server ban change was not stored; it holds until the next restart only")]
    public static partial void ServerBanNotStored(ILogger logger, Exception exception);

    [LoggerMessage(7, LogLevel.Information, "Configuration reloaded ({Trigger}): {Summary}")]
    public static partial void Reloaded(ILogger logger, string trigger, string summary);

    [LoggerMessage(8, LogLevel.Error, "Configuration not reloaded ({Trigger}): {Reason}; the running settings stay")]
    public static partial void ReloadRefused(ILogger logger, string trigger, string reason);

    [LoggerMessage(9, LogLevel.Warning, "SIGHUP is ignored by this process (started under nohup or by a parent that ignores it): it cannot reload the configuration; use /rehash or IRC REHASH, or start Parley without nohup")]
    public static partial void HangUpIgnored(ILogger logger);
}

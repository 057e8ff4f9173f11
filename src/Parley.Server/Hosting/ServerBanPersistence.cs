using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parley.Core.Moderation;
using Parley.Storage.Sqlite;

namespace Parley.Server.Hosting;

/// <summary>
/// Keeps the server-wide ban list in the database: loads it before Kestrel listens (hosted
/// services start first), then stores every <c>/ban</c> and <c>/unban</c> as it happens.
/// </summary>
/// <remarks>The list changes under its own lock and raises the change after it; writes queue to the one writer and are never waited for.</remarks>
internal sealed class ServerBanPersistence(Parley.Core.Presence.ChatHub hub, SqliteServerBanStore store, ILogger<ServerBanPersistence> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Reload();
        hub.ServerBans.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        hub.ServerBans.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    /// <summary>Replaces the list in memory with the stored one (at start and on a rehash).</summary>
    /// <returns>How many bans were loaded.</returns>
    public int Reload()
    {
        var bans = store.LoadAll();
        hub.ServerBans.Replace(bans);
        ServerLog.ServerBansLoaded(logger, bans.Count);
        return bans.Count;
    }

    private void OnChanged(object? sender, ServerBanChange change)
    {
        var write = change.Added is { } ban ? store.SaveAsync(ban) : store.DeleteAsync(change.RemovedMask!);
        _ = write.ContinueWith(
            static (task, state) => ServerLog.ServerBanNotStored((ILogger)state!, task.Exception!.GetBaseException()),
            logger, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}

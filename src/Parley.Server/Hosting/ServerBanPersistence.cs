using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parley.Core.Moderation;

namespace Parley.Server.Hosting;

/// <summary>
/// Keeps the server-wide ban list in the store (<see cref="IServerBanStore"/>): loads it before Kestrel listens (hosted
/// services start first), then stores every <c>/ban</c> and <c>/unban</c> as it happens.
/// </summary>
/// <remarks>The list changes under its own lock and raises the change after it; writes go to the store and are never waited for.</remarks>
internal sealed class ServerBanPersistence(Parley.Core.Presence.ChatHub hub, IServerBanStore store, ILogger<ServerBanPersistence> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Loaded(await store.LoadAllAsync(cancellationToken));
        hub.ServerBans.Changed += OnChanged;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        hub.ServerBans.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    /// <summary>Replaces the list in memory with the stored one (at start and on a rehash).</summary>
    /// <returns>How many bans were loaded.</returns>
    /// <remarks>
    /// Waits for the store on the calling thread: a reload is rare and runs under the reloader's
    /// lock (SIGHUP, an operator's command), and the SQLite store reads synchronously anyway.
    /// </remarks>
    public int Reload() => Loaded(store.LoadAllAsync().AsTask().GetAwaiter().GetResult());

    private int Loaded(IReadOnlyList<ServerBan> bans)
    {
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

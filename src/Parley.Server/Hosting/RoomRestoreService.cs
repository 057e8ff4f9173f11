using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parley.Core.Presence;

namespace Parley.Server.Hosting;

/// <summary>
/// Restores the registered rooms from the room store at start-up. Hosted services start before
/// Kestrel listens, so no one can join a registered room before its settings and bans are back.
/// </summary>
internal sealed class RoomRestoreService(ChatHub hub, ILogger<RoomRestoreService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var count = await hub.Rooms.LoadRegisteredAsync(cancellationToken);
        ServerLog.RoomsRestored(logger, count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

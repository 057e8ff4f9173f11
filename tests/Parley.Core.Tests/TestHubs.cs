using Parley.Core.Accounts;
using Parley.Core.Cluster;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>Hubs over in-memory fakes, for tests that need no accounts of their own.</summary>
internal static class TestHubs
{
    /// <summary>A hub with in-memory accounts, messages and rooms; room settings, operators, clock and cluster ports as given.</summary>
    public static ChatHub Create(
        RoomOptions? roomOptions = null,
        RoomLimits? roomLimits = null,
        IRoomStore? roomStore = null,
        IRoomHistory? roomHistory = null,
        OperatorPolicy? operators = null,
        IAccountStore? accounts = null,
        TimeProvider? time = null,
        ClusterPorts? ports = null) =>
        new(
            accounts ?? new MemoryAccountStore(),
            new MemoryMessageStore(),
            new AccountOptions(),
            roomOptions ?? new RoomOptions(),
            roomLimits ?? new RoomLimits(),
            roomStore ?? new InMemoryRoomStore(),
            roomHistory ?? new InMemoryRoomHistory(),
            operators ?? OperatorPolicy.None,
            time ?? TimeProvider.System,
            ports);

    /// <summary>
    /// Takes a guest nick; the in-memory account store answers at once, so this completes
    /// synchronously.
    /// </summary>
    public static ChatError Register(this ChatHub hub, ChatSession session, string nick) =>
        hub.RegisterGuestAsync(session, nick).AsTask().GetAwaiter().GetResult();
}

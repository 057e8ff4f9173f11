using Parley.Core.Moderation;
using System.Collections.Concurrent;
using Parley.Core.Cluster;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Rooms;

/// <summary>
/// The rooms: membership, messages, moderation and their persistence ports. Owned by
/// <see cref="ChatHub.Rooms"/>, which tells it when a session leaves the server.
/// </summary>
/// <remarks>
/// Thread-safe. The registry is a <see cref="ConcurrentDictionary{TKey,TValue}"/>; each room
/// changes under its own lock and publishes copy-on-write member arrays, so sending to a room
/// takes no lock at all. No method holds two locks at once. Events are published to the members
/// (<see cref="ChatHub.Router"/>) after the room's lock is released (sinks never block anyway).
/// </remarks>
public sealed partial class RoomHub
{
    private readonly ConcurrentDictionary<string, Room> _rooms = new(RoomNames.Comparer);
    private readonly ChatHub _hub;
    private readonly IRoomStore _store;
    private readonly IRoomHistory _history;
    private readonly TimeProvider _time;
    private readonly IIdAllocator _ids;

    internal RoomHub(ChatHub hub, RoomOptions options, RoomLimits limits, IRoomStore store, IRoomHistory history, IIdAllocator ids, TimeProvider time)
    {
        _hub = hub;
        Options = options;
        Limits = limits;
        _store = store;
        _history = history;
        _time = time;
        _ids = ids;
    }

    /// <summary>Room behaviour (history sizes, list bounds).</summary>
    public RoomOptions Options { get; }

    /// <summary>Limits on rooms per user and members per room.</summary>
    public RoomLimits Limits { get; }

    /// <summary>Number of rooms, registered ones included.</summary>
    public int Count => _rooms.Count;

    /// <summary>The room named <paramref name="name"/> (any case), or null.</summary>
    /// <param name="name">The room's name with its <c>#</c>.</param>
    /// <returns>The room, or null when none exists.</returns>
    public Room? Find(string name) => _rooms.TryGetValue(name, out var room) ? room : null;

    /// <summary>Restores the registered rooms from the <see cref="IRoomStore"/>; called once at start-up.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>How many rooms were restored.</returns>
    public async ValueTask<int> LoadRegisteredAsync(CancellationToken cancellationToken = default)
    {
        var registered = await _store.LoadAllAsync(cancellationToken);
        foreach (var saved in registered)
        {
            if (!RoomNames.IsValid(saved.Name))
                continue;
            var room = new Room(saved.Name, saved.CreatedAt)
            {
                OwnerAccountId = saved.OwnerAccountId,
                Modes = saved.Modes,
                Key = saved.Key,
                Topic = saved.Topic,
            };
            room.PublishBans([.. saved.Bans.Take(Options.MaxBansPerRoom)]);
            room.Limit = saved.Modes.HasFlag(RoomModes.Limited) ? saved.Limit : 0;
            foreach (var (list, masks) in saved.Lists)
            {
                if (list != RoomList.Bans)
                    room.Publish(list, [.. masks.Take(Options.MaxBansPerRoom)]);
            }

            _rooms[room.Name] = room;
        }

        return registered.Count;
    }

    /// <summary>The state of a registered room, as the store keeps it.</summary>
    /// <param name="room">A registered room.</param>
    /// <returns>Its record.</returns>
    /// <exception cref="ArgumentException">The room is not registered.</exception>
    public static RegisteredRoom Snapshot(Room room)
    {
        ArgumentNullException.ThrowIfNull(room);
        lock (room.Gate)
        {
            var owner = room.OwnerAccountId ?? throw new ArgumentException($"{room.Name} is not registered", nameof(room));
            return new RegisteredRoom(room.Name, owner, room.Modes, room.Key, room.Topic, [.. room.Bans], room.CreatedAt)
            {
                Limit = room.Limit,
                Lists = new Dictionary<RoomList, IReadOnlyList<BanMask>>
                {
                    [RoomList.Exceptions] = [.. room.List(RoomList.Exceptions)],
                    [RoomList.InviteExceptions] = [.. room.List(RoomList.InviteExceptions)],
                    [RoomList.Mutes] = [.. room.List(RoomList.Mutes)],
                },
            };
        }
    }

    // Saves a registered room's current state; with registrationChanged, also deletes the record
    // of a room that is no longer registered. Saves of one room run one at a time, each reading
    // the state after the previous one, so the last save always holds the latest state.
    private async ValueTask PersistAsync(Room room, CancellationToken cancellationToken, bool registrationChanged = false)
    {
        if (!room.IsRegistered && !registrationChanged)
            return;
        await room.SaveGate.WaitAsync(cancellationToken);
        try
        {
            if (room.IsRegistered)
                await _store.SaveAsync(Snapshot(room), cancellationToken);
            else
                await _store.DeleteAsync(room.Name, cancellationToken);
        }
        finally
        {
            room.SaveGate.Release();
        }
    }

    // The session's membership of an existing room, checked in order: registered, valid name, room exists, member.
    private ChatError FindMembership(ChatSession session, string name, out Room? room, out RoomMember? member)
    {
        ArgumentNullException.ThrowIfNull(session);
        room = null;
        member = null;
        if (!session.IsRegistered)
            return ChatError.NotRegistered;
        if (!RoomNames.IsValid(name))
            return ChatError.InvalidRoom;
        room = Find(name);
        member = room?.FindMember(session);
        if (member is not null)
            return ChatError.None;
        return room is null || room.IsSecret ? ChatError.NoSuchRoom : ChatError.NotInRoom;
    }

    /// <summary>
    /// Deliveries a room's announcer makes before giving the thread back: 128
    /// (<see cref="RoomAnnouncer.DeliveriesPerTurn"/>; docs/benchmarks.md, fixes 10 and 11).
    /// </summary>
    internal const int DeliveriesPerTurn = RoomAnnouncer.DeliveriesPerTurn;

    // Publishes one event instance to every member of the snapshot; it is encoded once per protocol.
    private int Send(Room room, RoomMember[] members, ChatEvent chatEvent) => _hub.Router.Publish(Audience.OfMembers(room, members), chatEvent);
}

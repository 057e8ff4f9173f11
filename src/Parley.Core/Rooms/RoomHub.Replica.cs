using Parley.Core.Cluster;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Routing;

namespace Parley.Core.Rooms;

/// <summary>
/// The rooms' replica of other nodes (issue 15; docs/architecture.md, "Room state and listings
/// across nodes"): what a cluster router applies when another node's room events reach this node,
/// and what it announces of this node when another node (re)joins. One node never calls these.
/// </summary>
/// <remarks>
/// Thread-safe: each change takes the room's own lock, as local changes do, and publishes nothing
/// (the router has already handed the event to this node's members).
/// </remarks>
public sealed partial class RoomHub
{
    /// <summary>A member joined <paramref name="name"/> on <paramref name="node"/>; creates the room here when this node did not know it.</summary>
    /// <param name="node">The node of the joiner's session.</param>
    /// <param name="name">The room.</param>
    /// <param name="nick">The joiner's nick.</param>
    /// <param name="role">Its rights there (<see cref="RoomMemberJoinedEvent.Role"/>).</param>
    public void ApplyRemoteJoin(string node, string name, string nick, MemberRole role)
    {
        ArgumentNullException.ThrowIfNull(nick);
        if (!RoomNames.IsValid(name))
            return;
        while (true)
        {
            var room = _rooms.GetOrAdd(name, static (n, time) => new Room(n, time.GetUtcNow()) { Modes = RoomModes.NoExternal }, _time);
            lock (room.Gate)
            {
                if (room.IsClosed)
                    continue;
                var member = new RemoteMember(nick, role) { Node = node };
                var others = Array.FindAll(room.RemoteArray, m => !IsEntry(m, node, nick));
                var existing = Array.Find(room.RemoteArray, m => IsEntry(m, node, nick));
                room.PublishRemote([.. others, existing is null ? member : existing with { Role = existing.Role | role }]);
                return;
            }
        }
    }

    /// <summary>
    /// A member left a room on another node (part, quit, drop), or was kicked by a member on another
    /// node: a kick takes the nick out everywhere, this node's sessions of it included (their KICK
    /// was delivered before). An unregistered room left with no member anywhere vanishes.
    /// </summary>
    /// <param name="node">The node that published the event.</param>
    /// <param name="left">The event.</param>
    /// <returns>The room when this node's own members of it changed (a kick of a local session), else null.</returns>
    public Room? ApplyRemoteLeave(string node, RoomMemberLeftEvent left)
    {
        ArgumentNullException.ThrowIfNull(left);
        if (Find(left.Room) is not { } room)
            return null;
        var kicked = left.Kind == RoomLeaveKind.Kicked;
        var localChanged = false;
        var closed = false;
        lock (room.Gate)
        {
            room.PublishRemote(Array.FindAll(room.RemoteArray, m => !(NickRules.Comparer.Equals(m.Nick, left.Nick) && (kicked || m.Node == node))));
            if (kicked)
            {
                var before = room.MemberArray;
                var targets = Array.FindAll(before, m => NickRules.Comparer.Equals(m.Session.Nick, left.Nick));
                if (targets.Length > 0)
                {
                    room.PublishMembers(Array.FindAll(before, m => Array.IndexOf(targets, m) < 0));
                    foreach (var target in targets)
                        target.Session.RemoveRoom(room);
                    localChanged = true;
                }
            }

            closed = CloseIfEmptyUnderGate(room);
        }

        if (closed)
            _history.OnRoomClosed(room.Name);
        return localChanged ? room : null;
    }

    /// <summary>A role was given or taken on another node: the member's entry changes wherever it is, this node's own sessions of the nick included.</summary>
    /// <param name="changed">The event.</param>
    public void ApplyRemoteRole(RoomRoleChangedEvent changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        if (Find(changed.Room) is not { } room)
            return;
        lock (room.Gate)
        {
            room.PublishRemote(Array.ConvertAll(room.RemoteArray, m => NickRules.Comparer.Equals(m.Nick, changed.Target) ? m with { Role = Changed(m.Role, changed.Role, changed.Granted) } : m));
            var members = room.MemberArray;
            if (Array.Exists(members, m => NickRules.Comparer.Equals(m.Session.Nick, changed.Target)))
                room.PublishMembers(Array.ConvertAll(members, m => NickRules.Comparer.Equals(m.Session.Nick, changed.Target) ? m with { Role = Changed(m.Role, changed.Role, changed.Granted) } : m));
        }
    }

    /// <summary>Applies another node's settings of a room (after a topic, mode or list change there, or its announcement at a join).</summary>
    /// <param name="name">The room.</param>
    /// <param name="settings">Its settings, whole.</param>
    /// <param name="create">True to create the room here when this node does not know it (an announcement).</param>
    public void ApplyRemoteSettings(string name, RoomSettings settings, bool create = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!RoomNames.IsValid(name))
            return;
        var room = create ? _rooms.GetOrAdd(name, static (n, time) => new Room(n, time.GetUtcNow()) { Modes = RoomModes.NoExternal }, _time) : Find(name);
        if (room is null)
            return;
        lock (room.Gate)
        {
            room.Modes = settings.Modes;
            room.Key = settings.Modes.HasFlag(RoomModes.Keyed) ? settings.Key : null;
            room.Limit = settings.Modes.HasFlag(RoomModes.Limited) ? settings.Limit : 0;
            room.Topic = settings.Topic;
            foreach (var list in (ReadOnlySpan<RoomList>)[RoomList.Bans, RoomList.Exceptions, RoomList.InviteExceptions, RoomList.Mutes])
                room.Publish(list, [.. settings.Of(list).Take(Options.MaxBansPerRoom)]);
        }
    }

    /// <summary>
    /// Replaces what this node knows of <paramref name="node"/>'s members with its announcement
    /// (sent when a node joins, or comes back after the broker was away), room by room, so a reader
    /// never sees a room between the old entries and the new. Settings are taken only for rooms
    /// without members here: where this node has members, it followed every change itself.
    /// </summary>
    /// <param name="node">The announcing node.</param>
    /// <param name="rooms">Its rooms with its members.</param>
    public void ApplyRemoteNode(string node, IReadOnlyList<RoomReplicaState> rooms)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        var announced = new Dictionary<string, RoomReplicaState>(RoomNames.Comparer);
        foreach (var state in rooms)
        {
            if (RoomNames.IsValid(state.Name))
                announced[state.Name] = state;
        }

        foreach (var state in announced.Values)
        {
            if (Find(state.Name) is not { MemberCount: > 0 })
                ApplyRemoteSettings(state.Name, state.Settings, create: true);
            ReplaceEntries(node, state);
        }

        foreach (var (name, room) in _rooms)
        {
            if (!announced.ContainsKey(name))
                RemoveEntries(room, node);
        }
    }

    /// <summary>Forgets every member on <paramref name="node"/> (it stopped, or its heartbeat expired); rooms left empty vanish.</summary>
    /// <param name="node">The node.</param>
    /// <remarks>
    /// Each forgotten user is seen to quit by this node's members of its rooms who see presence
    /// only through rooms (IRC), once each: every node forgets a dead node by itself (its heartbeat
    /// expired, or its NodeLeft), so this node tells only its own sessions. The ones that see all
    /// presence (line) are told by the node leases' departure (<see cref="ChatHub.AnnounceDeparted"/>).
    /// </remarks>
    public void ForgetNode(string node)
    {
        Dictionary<string, List<Room>>? gone = null;
        foreach (var (_, room) in _rooms)
        {
            foreach (var nick in RemoveEntries(room, node))
            {
                gone ??= new Dictionary<string, List<Room>>(NickRules.Comparer);
                if (!gone.TryGetValue(nick, out var rooms))
                    gone[nick] = rooms = [];
                rooms.Add(room);
            }
        }

        if (gone is null)
            return;
        foreach (var (nick, rooms) in gone)
            TellForgotten(nick, rooms, $"node {node} is gone");
    }

    private void TellForgotten(string nick, List<Room> rooms, string reason)
    {
        var left = new UserLeftEvent(nick, Quit: true, reason)
        {
            Time = _time.GetUtcNow(),
            Address = new UserAddress(nick, Sessions.ChatSession.CloakedHost),
            Rooms = rooms.ConvertAll(room => room.Name),
        };
        var told = new HashSet<Sessions.ChatSession>();
        foreach (var room in rooms)
        {
            foreach (var member in room.Members)
            {
                if (!member.Session.Sink.SeesAllPresence && told.Add(member.Session))
                    _hub.Router.Publish(Audience.Of(member.Session), left);
            }
        }
    }

    /// <summary>A member on <paramref name="node"/> renamed: its entries in every room follow.</summary>
    /// <param name="node">The node of the renamed user.</param>
    /// <param name="oldNick">The nick before.</param>
    /// <param name="newNick">The nick after.</param>
    public void ApplyRemoteRename(string node, string oldNick, string newNick)
    {
        foreach (var (_, room) in _rooms)
        {
            if (room.RemoteCount == 0)
                continue;
            lock (room.Gate)
            {
                if (Array.Exists(room.RemoteArray, m => IsEntry(m, node, oldNick)))
                    room.PublishRemote(Array.ConvertAll(room.RemoteArray, m => IsEntry(m, node, oldNick) ? m with { Nick = newNick } : m));
            }
        }
    }

    /// <summary>This node's rooms with members here: their settings and this node's members, for another node that joins.</summary>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<RoomReplicaState> LocalStates()
    {
        var states = new List<RoomReplicaState>();
        foreach (var (_, room) in _rooms)
        {
            if (room.MemberCount == 0)
                continue;
            var members = Array.ConvertAll(room.Roster.Entries.ToArray(), m => new RemoteMember(m.Session.Nick ?? "*", m.Role));
            states.Add(new RoomReplicaState(room.Name, SettingsOf(room), members));
        }

        return states;
    }

    /// <summary>The settings of <paramref name="room"/> as one value, what a router sends with a topic, mode or list change.</summary>
    /// <param name="room">The room.</param>
    /// <returns>A snapshot.</returns>
    public static RoomSettings SettingsOf(Room room)
    {
        ArgumentNullException.ThrowIfNull(room);
        lock (room.Gate)
        {
            return new RoomSettings(
                room.Modes, room.Key, room.Limit, room.Topic,
                [.. room.List(RoomList.Bans)], [.. room.List(RoomList.Exceptions)], [.. room.List(RoomList.InviteExceptions)], [.. room.List(RoomList.Mutes)]);
        }
    }

    /// <summary>
    /// The room's members on every node once per nick, in the roster's order (highest role first,
    /// then by nick): this node's <paramref name="roster"/> merged with the replica of the others.
    /// </summary>
    /// <param name="room">The room.</param>
    /// <param name="roster">This node's members to list (a join's snapshot), or null for the room's current ones.</param>
    /// <returns>A new list; with no member on another node, the roster's entries as they are.</returns>
    public IReadOnlyList<ListedMember> Listing(Room room, RoomRoster? roster = null)
    {
        ArgumentNullException.ThrowIfNull(room);
        var local = (roster ?? room.Roster).Entries;
        var listed = new List<ListedMember>(local.Length + room.RemoteCount);
        var byNick = new Dictionary<string, int>(NickRules.Comparer);
        foreach (var member in local)
        {
            var nick = member.Session.Nick ?? "*";
            byNick[nick] = listed.Count;
            listed.Add(new ListedMember(nick, member.Role, member.Session.UserAddress, member.Session, null));
        }

        foreach (var remote in room.RemoteMembers)
        {
            if (byNick.TryGetValue(remote.Nick, out var at))
            {
                // The same account's devices on several nodes: one entry with all their rights.
                listed[at] = listed[at] with { Role = listed[at].Role | remote.Role };
                continue;
            }

            var user = _hub.Directory.Find(remote.Node, remote.Nick);
            byNick[remote.Nick] = listed.Count;
            listed.Add(new ListedMember(remote.Nick, remote.Role, user?.Address ?? new UserAddress(remote.Nick, Sessions.ChatSession.CloakedHost), null, user));
        }

        if (room.RemoteCount > 0)
            listed.Sort((a, b) => RoomRoster.Compare(a.Role, a.Nick, b.Role, b.Nick));
        return listed;
    }

    /// <summary>How many distinct nicks the room has on every node (LIST, <c>/rooms</c>).</summary>
    /// <param name="room">The room.</param>
    /// <returns>The roster's count when no member is on another node.</returns>
    public int ListedCount(Room room)
    {
        ArgumentNullException.ThrowIfNull(room);
        return room.RemoteCount == 0 ? room.Roster.Count : Listing(room).Count;
    }

    /// <summary>The rooms <paramref name="nick"/> is in on other nodes, with its rights there (WHOIS of a remote user).</summary>
    /// <param name="nick">The nick, any case.</param>
    /// <returns>A snapshot, in no order.</returns>
    public IReadOnlyList<(Room Room, MemberRole Role)> RemoteRoomsOf(string nick)
    {
        var rooms = new List<(Room, MemberRole)>();
        foreach (var (_, room) in _rooms)
        {
            var role = MemberRole.None;
            var found = false;
            foreach (var member in room.RemoteMembers)
            {
                if (NickRules.Comparer.Equals(member.Nick, nick))
                {
                    role |= member.Role;
                    found = true;
                }
            }

            if (found)
                rooms.Add((room, role));
        }

        return rooms;
    }

    // A member on another node, for SetRole: its entries change here; the nick as shown, or null with why not.
    private static string? SetRemoteRoleUnderGate(Room room, string targetNick, MemberRole role, bool grant, out ChatError error)
    {
        var entries = Array.FindAll(room.RemoteArray, m => NickRules.Comparer.Equals(m.Nick, targetNick));
        error = ChatError.TargetNotInRoom;
        if (entries.Length == 0)
            return null;
        // Nobody on another node can be the one taking its own op: the actor's session is on this one.
        error = ChatError.NotRoomOperator;
        if (!grant && role == MemberRole.Op && Array.Exists(entries, m => m.Role.HasFlag(MemberRole.Owner)))
            return null;
        error = ChatError.None;
        if (Array.TrueForAll(entries, m => Changed(m.Role, role, grant) == m.Role))
            return null;
        room.PublishRemote(Array.ConvertAll(room.RemoteArray, m => Array.IndexOf(entries, m) >= 0 ? m with { Role = Changed(m.Role, role, grant) } : m));
        return entries[0].Nick;
    }

    // The node's entries of the room become exactly the announced members.
    private void ReplaceEntries(string node, RoomReplicaState state)
    {
        while (true)
        {
            var room = _rooms.GetOrAdd(state.Name, static (n, time) => new Room(n, time.GetUtcNow()) { Modes = RoomModes.NoExternal }, _time);
            lock (room.Gate)
            {
                if (room.IsClosed)
                    continue;
                room.PublishRemote([.. room.RemoteArray.Where(m => m.Node != node), .. state.Members.Select(m => m with { Node = node })]);
                return;
            }
        }
    }

    // The nicks removed (none when the node had no member here).
    private string[] RemoveEntries(Room room, string node)
    {
        if (room.RemoteCount == 0)
            return [];
        bool closed;
        string[] removed;
        lock (room.Gate)
        {
            if (!Array.Exists(room.RemoteArray, m => m.Node == node))
                return [];
            removed = Array.ConvertAll(Array.FindAll(room.RemoteArray, m => m.Node == node), m => m.Nick);
            room.PublishRemote(Array.FindAll(room.RemoteArray, m => m.Node != node));
            closed = CloseIfEmptyUnderGate(room);
        }

        if (closed)
            _history.OnRoomClosed(room.Name);
        return removed;
    }

    private static MemberRole Changed(MemberRole role, MemberRole change, bool grant) => grant ? role | change : role & ~change;

    private static bool IsEntry(RemoteMember member, string node, string nick) => member.Node == node && NickRules.Comparer.Equals(member.Nick, nick);

    // Caller holds room.Gate: an unregistered room with no member on any node leaves the registry.
    private bool CloseIfEmptyUnderGate(Room room) =>
        room.MemberArray.Length == 0 && room.RemoteArray.Length == 0 && !room.IsRegistered && CloseUnderGate(room);
}

using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Parley.Core.Cluster;
using Parley.Core.Moderation;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Rooms;

/// <summary>
/// A named room: its members with their roles, topic, modes, key, bans and invites. Changed only
/// through <see cref="RoomHub"/>.
/// </summary>
/// <remarks>
/// Thread-safe. Every change happens under the room's own lock (never a global one, and never
/// two rooms' locks at once). The member list is copy-on-write: a change publishes a new array,
/// so fan-out reads <see cref="Members"/> without locking, and a snapshot never changes.
/// </remarks>
public sealed class Room
{
    private RoomMember[] _members = [];
    // Members on other nodes (a cluster's replica; always empty on one node), copy-on-write.
    private RemoteMember[] _remote = [];
    private RoomRoster? _roster;
    // One array per RoomList (bans, exceptions, invite exceptions, mutes), each copy-on-write.
    private readonly BanMask[][] _lists = [[], [], [], []];
    private int _limit;
    private volatile RoomTopic? _topic;
    private volatile string? _key;
    private int _modes;
    private long _ownerAccountId = -1;

    internal Room(string name, DateTimeOffset createdAt)
    {
        Name = name;
        CreatedAt = createdAt;
    }

    /// <summary>The name as first created (<c>#Dev</c>); compare with <see cref="RoomNames.Comparer"/>.</summary>
    public string Name { get; }

    /// <summary>When the room was created (or, for a registered room, restored), UTC.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The members, a snapshot that never changes.</summary>
    public ImmutableArray<RoomMember> Members => ImmutableCollectionsMarshal.AsImmutableArray(Volatile.Read(ref _members));

    /// <summary>
    /// The members once per nick, ordered for NAMES and MEMBERS (highest role first, then nick), of
    /// the current snapshot. Cached: rebuilt only when the members changed, and then by inserting
    /// the newcomers when members were only added (a join storm), so each joiner's list costs O(n).
    /// </summary>
    public RoomRoster Roster
    {
        get
        {
            var members = Volatile.Read(ref _members);
            var cached = Volatile.Read(ref _roster);
            var roster = RoomRoster.For(members, cached);
            // Two readers may build at once; either result is right for its snapshot, and the next
            // reader extends whichever stayed.
            if (roster != cached)
                Volatile.Write(ref _roster, roster);
            return roster;
        }
    }

    /// <summary>How many members the room has on this node.</summary>
    public int MemberCount => Volatile.Read(ref _members).Length;

    /// <summary>
    /// The members on other nodes of a cluster, one per nick per node (docs/architecture.md, "Room
    /// state and listings across nodes"), a snapshot that never changes; always empty on one node.
    /// </summary>
    public ImmutableArray<RemoteMember> RemoteMembers => ImmutableCollectionsMarshal.AsImmutableArray(Volatile.Read(ref _remote));

    /// <summary>How many entries <see cref="RemoteMembers"/> has: 0 on one node.</summary>
    public int RemoteCount => Volatile.Read(ref _remote).Length;

    /// <summary>The topic, or null when none is set.</summary>
    public RoomTopic? Topic
    {
        get => _topic;
        internal set => _topic = value;
    }

    /// <summary>The modes.</summary>
    public RoomModes Modes
    {
        get => (RoomModes)Volatile.Read(ref _modes);
        internal set => Volatile.Write(ref _modes, (int)value);
    }

    /// <summary>The key when the room is <c>+k</c>, else null.</summary>
    public string? Key
    {
        get => _key;
        internal set => _key = value;
    }

    /// <summary>The bans, a snapshot.</summary>
    public ImmutableArray<BanMask> Bans => List(RoomList.Bans);

    /// <summary>The most members when the room is <c>+l</c>, else 0.</summary>
    public int Limit
    {
        get => Volatile.Read(ref _limit);
        internal set => Volatile.Write(ref _limit, value);
    }

    /// <summary>One of the room's mask lists, a snapshot.</summary>
    /// <param name="list">Which list.</param>
    /// <returns>Its masks, oldest first.</returns>
    public ImmutableArray<BanMask> List(RoomList list) => ImmutableCollectionsMarshal.AsImmutableArray(Volatile.Read(ref _lists[(int)list]));

    /// <summary>Whether a mask of <paramref name="list"/> covers <paramref name="session"/>.</summary>
    /// <param name="list">Which list.</param>
    /// <param name="session">A registered session.</param>
    /// <returns>True on a match.</returns>
    public bool Matches(RoomList list, ChatSession session)
    {
        foreach (var mask in Volatile.Read(ref _lists[(int)list]))
        {
            if (mask.Matches(session))
                return true;
        }

        return false;
    }

    /// <summary>
    /// The id of the account that owns the room when it is registered (<c>/register #room</c>),
    /// else null. Registered rooms persist in the <see cref="IRoomStore"/> and stay when empty; a
    /// session logged in as the owner gets owner and op rights when it joins.
    /// </summary>
    public long? OwnerAccountId
    {
        get => Volatile.Read(ref _ownerAccountId) is var id and >= 0 ? id : null;
        internal set => Volatile.Write(ref _ownerAccountId, value ?? -1);
    }

    /// <summary>True when the room is registered (owned by an account).</summary>
    public bool IsRegistered => OwnerAccountId is not null;

    /// <summary>True when the room is <c>+s</c>.</summary>
    public bool IsSecret => Modes.HasFlag(RoomModes.Secret);

    // Nicks invited past +i, consumed on join. Guarded by Gate; bounded by RoomOptions.MaxInvitesPerRoom.
    internal List<string> Invites { get; } = [];

    internal Lock Gate { get; } = new();

    // Serialises saves to the IRoomStore: each save snapshots the room after the one before it
    // finished, so the store never ends on an older state than the room's. Awaited, never held
    // under Gate; Gate is taken under it only for the snapshot.
    internal SemaphoreSlim SaveGate { get; } = new(1, 1);

    /// <summary>Set under <see cref="Gate"/> when an unregistered room emptied and left the registry; a join that raced it retries.</summary>
    internal bool IsClosed { get; set; }

    /// <summary>The member for <paramref name="session"/>, or null.</summary>
    /// <param name="session">The session.</param>
    /// <returns>Its membership, read from the current snapshot.</returns>
    public RoomMember? FindMember(ChatSession session)
    {
        foreach (var member in Volatile.Read(ref _members))
        {
            if (member.Session == session)
                return member;
        }

        return null;
    }

    /// <summary>The member whose nick is <paramref name="nick"/> (any case), or null.</summary>
    /// <param name="nick">The nick.</param>
    /// <returns>Its membership, read from the current snapshot.</returns>
    public RoomMember? FindMember(string nick)
    {
        foreach (var member in Volatile.Read(ref _members))
        {
            if (Presence.NickRules.Comparer.Equals(member.Session.Nick, nick))
                return member;
        }

        return null;
    }

    /// <summary>Whether a ban, and no ban exception (<c>+e</c>), covers <paramref name="session"/>.</summary>
    /// <param name="session">A registered session.</param>
    /// <returns>True when banned.</returns>
    public bool IsBanned(ChatSession session) => Matches(RoomList.Bans, session) && !Matches(RoomList.Exceptions, session);

    /// <summary>Whether a mute (and no exception) covers <paramref name="session"/>.</summary>
    /// <param name="session">A registered session.</param>
    /// <returns>True when muted.</returns>
    public bool IsMuted(ChatSession session) => Matches(RoomList.Mutes, session) && !Matches(RoomList.Exceptions, session);

    // Callers hold Gate; readers see either the old or the new array, never a half-built one.
    internal RoomMember[] MemberArray => _members;

    // Lock-free readers (fan-out): the latest published array, never changed after publication.
    internal RoomMember[] MemberArrayForReading => Volatile.Read(ref _members);

    internal void PublishMembers(RoomMember[] members)
    {
        var before = _members;
        // Only an append keeps the epoch: then every snapshot of one epoch is a prefix of the
        // next, index by index, which is what lets RoomAnnouncer batch their announcements.
        if (members.Length <= before.Length || (before.Length > 0 && members[before.Length - 1].Session != before[^1].Session))
            MembershipEpoch++;
        Volatile.Write(ref _members, members);
    }

    /// <summary>
    /// Changes with every membership change but a join (an append). Read and changed under
    /// <see cref="Gate"/>, with the snapshot it belongs to.
    /// </summary>
    internal int MembershipEpoch { get; private set; }

    /// <summary>Hands the room's announcements to its members in order, in turns.</summary>
    internal RoomAnnouncer Announcer { get; } = new();

    // Callers hold Gate.
    internal RemoteMember[] RemoteArray => _remote;

    internal void PublishRemote(RemoteMember[] members) => Volatile.Write(ref _remote, members);

    internal void PublishBans(BanMask[] bans) => Publish(RoomList.Bans, bans);

    internal void Publish(RoomList list, BanMask[] masks) => Volatile.Write(ref _lists[(int)list], masks);
}

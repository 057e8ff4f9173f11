using Parley.Core.Cluster;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;

namespace Parley.Core.Routing;

/// <summary>
/// Who an event is for, as the hubs know it: a session, a nick, an account, a room's members or
/// a user's room peers, everyone, the presence watchers. The hubs publish to audiences through the
/// <see cref="IEventRouter"/> and never hand events to sessions themselves.
/// </summary>
/// <remarks>
/// <para>A readonly struct passed by reference (<c>in</c>): making one allocates nothing, so a room
/// message or a direct message costs no more than when the hubs looped over sinks themselves.</para>
/// <para>It carries what the hub has already resolved (the nick's holder, the room's member
/// snapshot) so the in-process router delivers without a second lookup. A router across nodes reads
/// the names instead (<see cref="Nick"/>, <see cref="AccountId"/>, <see cref="Room"/>'s name,
/// <see cref="Session"/>'s id) to choose its routing keys. Only Core's hubs make audiences.</para>
/// </remarks>
public readonly struct Audience
{
    private Audience(AudienceKind kind) => Kind = kind;

    /// <summary>Who it is.</summary>
    public AudienceKind Kind { get; }

    /// <summary>The one session (<see cref="AudienceKind.Session"/>), or the user whose room peers are meant (<see cref="AudienceKind.RoomPeers"/>).</summary>
    public ChatSession? Session { get; private init; }

    /// <summary>A session left out (the sender, usually), or null.</summary>
    public ChatSession? Except { get; private init; }

    /// <summary>
    /// The nick: the one addressed (<see cref="AudienceKind.Nick"/>, <see cref="AudienceKind.Account"/>),
    /// or the one left out (the subject of a presence event; the sender's own, in a room), or null.
    /// </summary>
    public string? Nick => Holder?.Nick ?? Remote?.Nick;

    /// <summary>The account of <see cref="Nick"/>, or null for a guest or none.</summary>
    public long? AccountId => Holder?.AccountId ?? Remote?.AccountId;

    /// <summary>The room (<see cref="AudienceKind.RoomMembers"/>), or null.</summary>
    public Room? Room { get; private init; }

    /// <summary>The rooms (<see cref="AudienceKind.RoomPresence"/>), or null.</summary>
    public IReadOnlyCollection<Room>? Rooms { get; private init; }

    /// <summary>The least role a member needs to be told (<see cref="MemberRole.None"/>: every member).</summary>
    public MemberRole MinimumRole { get; private init; }

    /// <summary>The nick's holder: addressed or left out, by <see cref="Kind"/>.</summary>
    internal OnlineNick? Holder { get; private init; }

    /// <summary>
    /// A nick held on another node only (a cluster's claim that is not this node's holder):
    /// nobody here to deliver to, only names for a router across nodes.
    /// </summary>
    internal NickClaim? Remote { get; private init; }

    /// <summary>The account's other nicks (<see cref="AudienceKind.Account"/>).</summary>
    internal OnlineNick[]? Aliases { get; private init; }

    /// <summary>The room's member snapshot (<see cref="AudienceKind.RoomMembers"/>).</summary>
    internal RoomMember[]? Members { get; private init; }

    /// <summary>The <see cref="Room.MembershipEpoch"/> of <see cref="Members"/>, for announcements; -1 when not taken with it.</summary>
    internal int Epoch { get; private init; }

    /// <summary>The nick table (<see cref="AudienceKind.EveryNick"/>).</summary>
    internal INickClaims? NickTable { get; private init; }

    /// <summary>One session.</summary>
    internal static Audience Of(ChatSession session) => new(AudienceKind.Session) { Session = session };

    /// <summary>Every session holding <paramref name="holder"/>'s nick but <paramref name="except"/>.</summary>
    internal static Audience OfNick(OnlineNick holder, ChatSession? except = null) =>
        new(AudienceKind.Nick) { Holder = holder, Except = except };

    /// <summary>Every session of an account: its name's holder (null when offline under it) and its other nicks, but <paramref name="except"/>.</summary>
    internal static Audience OfAccount(OnlineNick? holder, OnlineNick[] aliases, ChatSession? except) =>
        new(AudienceKind.Account) { Holder = holder, Aliases = aliases, Except = except };

    /// <summary>The sessions of a nick held on other nodes only (<paramref name="claim"/> is not this node's holder).</summary>
    internal static Audience OfRemoteNick(NickClaim claim) => new(AudienceKind.Nick) { Remote = claim };

    /// <summary>The sessions of an account signed in on other nodes only, by <paramref name="claim"/> (its name or another nick it holds there).</summary>
    internal static Audience OfRemoteAccount(NickClaim claim) => new(AudienceKind.Account) { Remote = claim, Aliases = [] };

    /// <summary>
    /// The members of a snapshot of <paramref name="room"/> but <paramref name="except"/> and the
    /// sessions of <paramref name="exceptNick"/> (who get the echo, when one is published), holding
    /// <paramref name="minimum"/> when it is set.
    /// </summary>
    internal static Audience OfMembers(Room room, RoomMember[] members, ChatSession? except = null, OnlineNick? exceptNick = null, MemberRole minimum = MemberRole.None) =>
        new(AudienceKind.RoomMembers) { Room = room, Members = members, Except = except, Holder = exceptNick, MinimumRole = minimum, Epoch = -1 };

    /// <summary>Every member of a snapshot taken under the room's lock with its epoch: an announcement's audience.</summary>
    internal static Audience OfSnapshot(Room room, RoomMember[] members, int epoch) =>
        new(AudienceKind.RoomMembers) { Room = room, Members = members, Epoch = epoch };

    /// <summary>Everyone sharing a room with <paramref name="session"/>, and its watchers.</summary>
    internal static Audience PeersOf(ChatSession session) => new(AudienceKind.RoomPeers) { Session = session };

    /// <summary>The room-only presence audience of <paramref name="rooms"/>, but <paramref name="subject"/>.</summary>
    internal static Audience PresenceIn(IReadOnlyCollection<Room> rooms, OnlineNick subject) =>
        new(AudienceKind.RoomPresence) { Rooms = rooms, Holder = subject };

    /// <summary>Every session that sees all presence, but <paramref name="subject"/>'s (null: nobody left out).</summary>
    internal static Audience Everyone(OnlineNick? subject) => new(AudienceKind.Everyone) { Holder = subject };

    /// <summary>The presence watchers, but <paramref name="subject"/>'s sessions (null: nobody left out).</summary>
    internal static Audience WatchersOf(OnlineNick? subject) => new(AudienceKind.Watchers) { Holder = subject };

    /// <summary>Every nick in <paramref name="table"/> but <paramref name="except"/>.</summary>
    internal static Audience EveryNick(INickClaims table, OnlineNick except) =>
        new(AudienceKind.EveryNick) { NickTable = table, Holder = except };
}

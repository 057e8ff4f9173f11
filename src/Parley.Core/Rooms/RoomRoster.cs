using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Parley.Core.Presence;

namespace Parley.Core.Rooms;

/// <summary>
/// A room's members once per nick, in the order IRC's NAMES and the line protocol's MEMBERS list
/// them: highest role first (owner, op, voice, member), then by nick (case-insensitive). An account
/// in the room from several devices is one entry whose role joins all its sessions' roles.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Built from one member-array snapshot and cached by the room
/// (<see cref="Room.Roster"/>): a join storm appends members one at a time, so each joiner's list
/// is the previous one with the newcomers inserted by binary search (O(n) copying, no sort and no
/// allocation per member), not a fresh group-and-sort of every member (O(n log n) per joiner,
/// O(n² log n) for a storm; docs/benchmarks.md, fix 10).
/// </remarks>
public sealed class RoomRoster
{
    private static readonly RoomRoster Empty = new([], [], []);

    private readonly RoomMember[] _source;
    private readonly RoomMember[] _entries;
    // The nick each entry was ordered by; a rename since makes a new string, so the order is stale.
    private readonly string[] _nicks;

    private RoomRoster(RoomMember[] source, RoomMember[] entries, string[] nicks)
    {
        _source = source;
        _entries = entries;
        _nicks = nicks;
    }

    /// <summary>The entries, highest role first, then by nick; a merged entry carries the joined roles.</summary>
    public ImmutableArray<RoomMember> Entries => ImmutableCollectionsMarshal.AsImmutableArray(_entries);

    /// <summary>How many distinct nicks are in the room.</summary>
    public int Count => _entries.Length;

    /// <summary>The roster of <paramref name="members"/>, reusing <paramref name="previous"/> when it still fits.</summary>
    /// <param name="members">A published member array (never changed after publication).</param>
    /// <param name="previous">The roster built last for this room, or null.</param>
    /// <returns>The roster of <paramref name="members"/>.</returns>
    internal static RoomRoster For(RoomMember[] members, RoomRoster? previous)
    {
        if (members.Length == 0)
            return Empty;
        if (previous is not null && previous.StillOrdered())
        {
            if (previous._source == members)
                return previous;
            if (previous.TryExtend(members) is { } extended)
                return extended;
        }

        return Build(members);
    }

    /// <summary>Groups and sorts every member: the slow path, and the definition the fast one must match.</summary>
    internal static RoomRoster Build(RoomMember[] members)
    {
        var entries = members
            .GroupBy(m => m.Session.Nick ?? "", NickRules.Comparer)
            .Select(nick => nick.Skip(1).Any() ? nick.First() with { Role = nick.Aggregate(MemberRole.None, (all, m) => all | m.Role) } : nick.First())
            .ToArray();
        Array.Sort(entries, Compare);
        var nicks = Array.ConvertAll(entries, e => e.Session.Nick ?? "");
        return new RoomRoster(members, entries, nicks);
    }

    // Highest prefix first (so two ops sort by nick whoever is also voiced), then by nick.
    private static int Rank(MemberRole role) =>
        role.HasFlag(MemberRole.Owner) ? 3 : role.HasFlag(MemberRole.Op) ? 2 : role.HasFlag(MemberRole.Voice) ? 1 : 0;

    private static int Compare(RoomMember a, RoomMember b) => Compare(Rank(a.Role), a.Session.Nick ?? "", Rank(b.Role), b.Session.Nick ?? "");

    // The same order for members given by role and nick (a cluster's merged listing, RoomHub.Listing).
    internal static int Compare(MemberRole roleA, string nickA, MemberRole roleB, string nickB) => Compare(Rank(roleA), nickA, Rank(roleB), nickB);

    private static int Compare(int rankA, string nickA, int rankB, string nickB)
    {
        var byRank = rankB.CompareTo(rankA);
        return byRank != 0 ? byRank : NickRules.Comparer.Compare(nickA, nickB);
    }

    // False when a member renamed since this was built (its place in the order may have changed).
    private bool StillOrdered()
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            if (!ReferenceEquals(_entries[i].Session.Nick, _nicks[i]))
                return false;
        }

        return true;
    }

    // The common change in a storm: members appended to this roster's snapshot, each a nick not in
    // the room yet. Anything else (a part, a role change, a second device of an account) rebuilds.
    private RoomRoster? TryExtend(RoomMember[] members)
    {
        if (members.Length <= _source.Length)
            return null;
        for (var i = 0; i < _source.Length; i++)
        {
            if (!ReferenceEquals(members[i], _source[i]))
                return null;
        }

        var count = _entries.Length;
        var entries = new RoomMember[count + members.Length - _source.Length];
        var nicks = new string[entries.Length];
        Array.Copy(_entries, entries, count);
        Array.Copy(_nicks, nicks, count);
        for (var i = _source.Length; i < members.Length; i++)
        {
            var member = members[i];
            if (member.Session.Nick is not { } nick || Contains(entries, nicks, count, nick))
                return null;
            var at = InsertionPoint(entries, nicks, count, Rank(member.Role), nick);
            Array.Copy(entries, at, entries, at + 1, count - at);
            Array.Copy(nicks, at, nicks, at + 1, count - at);
            entries[at] = member;
            nicks[at] = nick;
            count++;
        }

        return new RoomRoster(members, entries, nicks);
    }

    // First index whose entry sorts after (rank, nick).
    private static int InsertionPoint(RoomMember[] entries, string[] nicks, int count, int rank, string nick)
    {
        int low = 0, high = count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Compare(Rank(entries[mid].Role), nicks[mid], rank, nick) <= 0)
                low = mid + 1;
            else
                high = mid;
        }

        return low;
    }

    // Whether the nick is listed at any rank: one binary search per rank's run of entries.
    private static bool Contains(RoomMember[] entries, string[] nicks, int count, string nick)
    {
        for (var rank = 3; rank >= 0; rank--)
        {
            var at = InsertionPoint(entries, nicks, count, rank, nick);
            if (at > 0 && Rank(entries[at - 1].Role) == rank && NickRules.Comparer.Equals(nicks[at - 1], nick))
                return true;
        }

        return false;
    }
}

using Parley.Core.Moderation;
using Parley.Core.Rooms;

namespace Parley.Core.Cluster;

/// <summary>
/// A room's settings as one value, what every node must see the same: modes, key, member limit,
/// topic and the four mask lists. A node that changes one sends the whole (a few hundred bytes;
/// changes are rare), so a receiver applies it as it is and never merges deltas.
/// </summary>
/// <param name="Modes">The modes.</param>
/// <param name="Key">The key when <c>+k</c>, else null.</param>
/// <param name="Limit">The member limit when <c>+l</c>, else 0.</param>
/// <param name="Topic">The topic, or null.</param>
/// <param name="Bans">The bans, oldest first.</param>
/// <param name="Exceptions">The ban exceptions (<c>+e</c>).</param>
/// <param name="InviteExceptions">The invite exceptions (<c>+I</c>).</param>
/// <param name="Mutes">The mutes.</param>
public sealed record RoomSettings(
    RoomModes Modes, string? Key, int Limit, RoomTopic? Topic,
    BanMask[] Bans, BanMask[] Exceptions, BanMask[] InviteExceptions, BanMask[] Mutes)
{
    /// <summary>The list of <paramref name="list"/>.</summary>
    /// <param name="list">Which list.</param>
    /// <returns>Its masks.</returns>
    public BanMask[] Of(RoomList list) => list switch
    {
        RoomList.Bans => Bans,
        RoomList.Exceptions => Exceptions,
        RoomList.InviteExceptions => InviteExceptions,
        _ => Mutes,
    };
}

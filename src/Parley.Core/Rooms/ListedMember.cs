using Parley.Core.Cluster;
using Parley.Core.Events;
using Parley.Core.Sessions;

namespace Parley.Core.Rooms;

/// <summary>
/// One nick of a room's listing across a cluster's nodes (<see cref="RoomHub.Listing"/>): a member
/// on this node (<see cref="Session"/>) or on another (<see cref="User"/>), with its rights there.
/// </summary>
/// <param name="Nick">The nick as shown.</param>
/// <param name="Role">The joined rights of its sessions in the room.</param>
/// <param name="Address">Its <c>user@host</c>.</param>
/// <param name="Session">This node's session of the nick, or null when it is on another node.</param>
/// <param name="User">The other node's record of the nick, or null (on this node, or not announced yet).</param>
public readonly record struct ListedMember(string Nick, MemberRole Role, UserAddress Address, ChatSession? Session, RemoteUser? User)
{
    /// <summary>The IRC-style prefix of the highest role: <c>~</c>, <c>@</c>, <c>+</c> or empty.</summary>
    public string Prefix => Role.HasFlag(MemberRole.Owner) ? "~" : Role.HasFlag(MemberRole.Op) ? "@" : Role.HasFlag(MemberRole.Voice) ? "+" : "";
}

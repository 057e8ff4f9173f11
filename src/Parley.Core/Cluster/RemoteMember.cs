using Parley.Core.Rooms;

namespace Parley.Core.Cluster;

/// <summary>
/// A member of a room whose session is on another node: one entry per nick per node, in the room's
/// replica (<see cref="Room.RemoteMembers"/>), kept from that node's join, part, kick, quit and role
/// events. Immutable: a role change replaces it.
/// </summary>
/// <param name="Nick">The member's nick as shown.</param>
/// <param name="Role">Its rights in the room (the joined rights of its sessions on that node).</param>
public sealed record RemoteMember(string Nick, MemberRole Role)
{
    /// <summary>The node hosting the member's session(s).</summary>
    public string Node { get; init; } = "";
}

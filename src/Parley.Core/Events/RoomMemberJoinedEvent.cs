namespace Parley.Core.Events;

/// <summary>Someone joined a room; told to the other members.</summary>
/// <param name="Room">The room.</param>
/// <param name="Nick">Who joined.</param>
public sealed class RoomMemberJoinedEvent(string Room, string Nick) : RoomEvent(Room)
{
    /// <summary>Who joined.</summary>
    public string Nick { get; } = Nick;

    /// <summary>The account the joiner is signed in to, or null for a guest (IRC's extended-join).</summary>
    public string? Account { get; init; }

    /// <summary>The joiner's real name (IRC's extended-join); empty when unknown.</summary>
    public string RealName { get; init; } = "";

    /// <summary>
    /// The rights the joiner got (op for a room's creator, owner and op for a registered room's
    /// owner), so other nodes' replicas list it as this node does; no protocol shows it.
    /// </summary>
    public Rooms.MemberRole Role { get; init; }
}

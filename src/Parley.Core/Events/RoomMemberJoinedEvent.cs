namespace Parley.Core.Events;

/// <summary>Someone joined a room; told to the other members.</summary>
/// <param name="Room">The room.</param>
/// <param name="Nick">Who joined.</param>
public sealed class RoomMemberJoinedEvent(string Room, string Nick) : RoomEvent(Room)
{
    /// <summary>Who joined.</summary>
    public string Nick { get; } = Nick;
}

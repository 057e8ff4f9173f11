namespace Parley.Core.Events;

/// <summary>Something that happened in one room, told to its members.</summary>
/// <param name="Room">The room's name as created.</param>
public abstract class RoomEvent(string Room) : ChatEvent
{
    /// <summary>The room's name as created.</summary>
    public string Room { get; } = Room;
}

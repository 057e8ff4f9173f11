namespace Parley.Core.Events;

/// <summary>A member set or cleared a room's topic; told to every member.</summary>
/// <param name="Room">The room.</param>
/// <param name="By">Who changed it.</param>
/// <param name="Text">The new topic, or null when cleared.</param>
public sealed class RoomTopicChangedEvent(string Room, string By, string? Text) : RoomEvent(Room)
{
    /// <summary>Who changed it.</summary>
    public string By { get; } = By;

    /// <summary>The new topic, or null when cleared.</summary>
    public string? Text { get; } = Text;
}

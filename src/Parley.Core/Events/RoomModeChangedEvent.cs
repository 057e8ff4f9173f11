namespace Parley.Core.Events;

/// <summary>An op changed a room's modes; told to every member.</summary>
/// <param name="Room">The room.</param>
/// <param name="By">Who changed them.</param>
/// <param name="Change">What changed, e.g. <c>+ik-m</c> (the key itself is never shown).</param>
public sealed class RoomModeChangedEvent(string Room, string By, string Change) : RoomEvent(Room)
{
    /// <summary>Who changed them.</summary>
    public string By { get; } = By;

    /// <summary>What changed, e.g. <c>+ik-m</c>.</summary>
    public string Change { get; } = Change;

    /// <summary>The new key when the change sets <c>+k</c>, else null (IRC's MODE line carries it).</summary>
    public string? Key { get; init; }

    /// <summary>The new member limit when the change sets <c>+l</c>, else null.</summary>
    public int? Limit { get; init; }
}

namespace Parley.Core.Events;

/// <summary>Someone left a room. Told to the remaining members, and for a kick to the kicked one too.</summary>
/// <param name="Room">The room.</param>
/// <param name="Nick">Who left.</param>
/// <param name="Kind">How.</param>
/// <param name="Reason">The reason given, or null.</param>
/// <param name="By">For a kick, the op who kicked; else null.</param>
public sealed class RoomMemberLeftEvent(string Room, string Nick, RoomLeaveKind Kind, string? Reason, string? By) : RoomEvent(Room)
{
    /// <summary>Who left.</summary>
    public string Nick { get; } = Nick;

    /// <summary>How.</summary>
    public RoomLeaveKind Kind { get; } = Kind;

    /// <summary>The reason given, or null.</summary>
    public string? Reason { get; } = Reason;

    /// <summary>For a kick, the op who kicked; else null.</summary>
    public string? By { get; } = By;

    /// <summary>
    /// For <see cref="RoomLeaveKind.Quit"/> and <see cref="RoomLeaveKind.Dropped"/>: true when the
    /// nick stays online (the account's other device), so that the server-wide departure
    /// (<see cref="UserLeftEvent"/>) does not follow; IRC then shows a PART.
    /// </summary>
    public bool NickStays { get; init; }
}

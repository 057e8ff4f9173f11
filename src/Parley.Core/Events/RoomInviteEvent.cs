namespace Parley.Core.Events;

/// <summary>A member invited you to a room; told to the invited user only.</summary>
/// <param name="Room">The room.</param>
/// <param name="By">Who invited.</param>
public sealed class RoomInviteEvent(string Room, string By) : RoomEvent(Room)
{
    /// <summary>Who invited.</summary>
    public string By { get; } = By;

    /// <summary>The invited nick as shown (IRC's <c>INVITE nick #room</c> names it).</summary>
    public string Nick { get; init; } = "";

    /// <summary>
    /// True for the copy told to the room's ops (IRC's invite-notify) rather than to the invited
    /// user; the line protocol shows it nothing.
    /// </summary>
    public bool ToMembers { get; init; }

    /// <summary>The inviter's account when it is logged in (its nick), else null; IRC's <c>account</c> tag.</summary>
    public string? ByAccount { get; init; }
}

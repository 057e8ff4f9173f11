namespace Parley.Core.Events;

/// <summary>
/// A room message was redacted (IRCv3 draft/message-redaction): removed from the room's history
/// and told to the members, for clients that can take it off their screens. Protocols without
/// the notion show nothing.
/// </summary>
/// <param name="Room">The room's name as created.</param>
/// <param name="MessageId">The redacted message's id.</param>
/// <param name="By">Who redacted it (its author, a room operator or a server operator), nick as shown.</param>
/// <param name="Reason">Why, as given; null for none.</param>
public sealed class RoomMessageRedactedEvent(string Room, long MessageId, string By, string? Reason) : RoomEvent(Room)
{
    /// <summary>The redacted message's id.</summary>
    public long MessageId { get; } = MessageId;

    /// <summary>Who redacted it, nick as shown.</summary>
    public string By { get; } = By;

    /// <summary>Why, as given; null for none.</summary>
    public string? Reason { get; } = Reason;
}

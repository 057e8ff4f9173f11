namespace Parley.Core.Events;

/// <summary>
/// A direct message was redacted by its author (IRCv3 draft/message-redaction): removed from
/// history and told to both parties' sessions. Protocols without the notion show nothing.
/// </summary>
/// <param name="From">The author (who redacted it), nick as shown.</param>
/// <param name="To">The nick the message was sent to.</param>
/// <param name="MessageId">The redacted message's id.</param>
/// <param name="Reason">Why, as given; null for none.</param>
public sealed class DirectMessageRedactedEvent(string From, string To, long MessageId, string? Reason) : ChatEvent
{
    /// <summary>The author, nick as shown.</summary>
    public string From { get; } = From;

    /// <summary>The nick the message was sent to.</summary>
    public string To { get; } = To;

    /// <summary>The redacted message's id.</summary>
    public long MessageId { get; } = MessageId;

    /// <summary>Why, as given; null for none.</summary>
    public string? Reason { get; } = Reason;

    /// <summary>The author's user name and host, for IRC's <c>nick!user@host</c>; null when unknown.</summary>
    public UserAddress? FromAddress { get; init; }
}

namespace Parley.Core.Events;

/// <summary>A direct message from one nick to another.</summary>
/// <param name="From">Sender's nick as shown.</param>
/// <param name="To">Recipient's nick as shown.</param>
/// <param name="Text">Message text.</param>
public sealed class DirectMessageEvent(string From, string To, string Text) : ChatEvent
{
    /// <summary>Sender's nick as shown.</summary>
    public string From { get; } = From;

    /// <summary>Recipient's nick as shown.</summary>
    public string To { get; } = To;

    /// <summary>Message text.</summary>
    public string Text { get; } = Text;

    /// <summary>
    /// The sender's user name and host (see <see cref="Sessions.ChatSession.UserName"/>), for
    /// protocols that show a full address (IRC's <c>nick!user@host</c>); null when unknown.
    /// </summary>
    public UserAddress? FromAddress { get; init; }

    /// <summary>
    /// True for a notice: a message that must never trigger an automatic reply (IRC's
    /// <c>NOTICE</c>). Protocols without the distinction show it as a message.
    /// </summary>
    public bool IsNotice { get; init; }
}

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

    /// <summary>The stored message's id (<see cref="Messages.ChatMessage.Id"/>), shown as IRC's <c>msgid</c>; null when not stored.</summary>
    public long? MessageId { get; init; }

    /// <summary>The sender's account when it is logged in (its nick: nicks are account names), else null; IRC's <c>account</c> tag.</summary>
    public string? FromAccount { get; init; }

    /// <summary>
    /// True when the sender had marked itself a bot (IRC's user mode <c>+B</c>,
    /// ircv3.net/specs/extensions/bot-mode), shown as IRC's <c>bot</c> tag.
    /// </summary>
    public bool FromBot { get; init; }


    /// <summary>
    /// Client metadata sent with the message, relayed as is and never stored: IRCv3 client-only
    /// tags (keys starting with <c>+</c>, e.g. <c>+draft/reply</c>). Empty when none.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ClientTags { get; init; } = [];
}

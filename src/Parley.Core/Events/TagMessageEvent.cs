namespace Parley.Core.Events;

/// <summary>
/// Client metadata without a message (IRCv3 <c>TAGMSG</c>: typing notifications, reactions) from
/// one nick to another: delivered to the sessions online now, never stored. Protocols without
/// the notion show nothing.
/// </summary>
/// <param name="From">Sender's nick as shown.</param>
/// <param name="To">Recipient's nick as shown.</param>
/// <param name="ClientTags">The metadata: client-only tags (keys starting with <c>+</c>).</param>
public sealed class TagMessageEvent(string From, string To, IReadOnlyList<KeyValuePair<string, string>> ClientTags) : ChatEvent
{
    /// <summary>Sender's nick as shown.</summary>
    public string From { get; } = From;

    /// <summary>Recipient's nick as shown.</summary>
    public string To { get; } = To;

    /// <summary>The metadata: client-only tags.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ClientTags { get; } = ClientTags;

    /// <summary>A unique id (IRC's <c>msgid</c>), the same for every recipient and the sender's echo.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>The sender's user name and host, as <see cref="DirectMessageEvent.FromAddress"/>; null when unknown.</summary>
    public UserAddress? FromAddress { get; init; }

    /// <summary>The sender's account when logged in, as <see cref="DirectMessageEvent.FromAccount"/>; else null.</summary>
    public string? FromAccount { get; init; }

    /// <summary>
    /// True when the sender had marked itself a bot (IRC's user mode <c>+B</c>,
    /// ircv3.net/specs/extensions/bot-mode), shown as IRC's <c>bot</c> tag.
    /// </summary>
    public bool FromBot { get; init; }

}

using Parley.Core.Rooms;

namespace Parley.Core.Events;

/// <summary>
/// A message said in a room. Members receive one instance (encoded once per protocol); the sender
/// receives a second instance with <see cref="IsEcho"/> set, the confirmation of what was sent.
/// </summary>
/// <param name="Message">The message, with its id and time.</param>
/// <param name="IsEcho">True for the copy the sender receives.</param>
public sealed class RoomMessageEvent(RoomMessage Message, bool IsEcho) : RoomEvent(Message?.Room ?? "")
{
    /// <summary>The message, with its id and time.</summary>
    public RoomMessage Message { get; } = Message ?? throw new ArgumentNullException(nameof(Message));

    /// <summary>True for the copy the sender receives.</summary>
    public bool IsEcho { get; } = IsEcho;

    /// <summary>
    /// The sender's account when it is logged in (its nick: nicks are account names), else null;
    /// IRC's <c>account</c> tag, as <see cref="DirectMessageEvent.FromAccount"/>.
    /// </summary>
    public string? FromAccount { get; init; }

    /// <summary>
    /// True when the sender had marked itself a bot (IRC's user mode <c>+B</c>,
    /// ircv3.net/specs/extensions/bot-mode), shown as IRC's <c>bot</c> tag.
    /// </summary>
    public bool FromBot { get; init; }


    /// <summary>
    /// Client metadata sent with the message, relayed as is and never stored (IRCv3 client-only
    /// tags, as <see cref="DirectMessageEvent.ClientTags"/>). Empty when none.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ClientTags { get; init; } = [];

    /// <summary>
    /// True when sent as a notice (IRC's <c>NOTICE #channel</c>), which IRC members receive as a
    /// NOTICE; the line protocol and the room's history keep it as a message.
    /// </summary>
    public bool IsNotice { get; init; }

    /// <summary>
    /// The status prefix of a message to some members only (IRC's STATUSMSG, <c>@</c> in
    /// <c>PRIVMSG @#chan</c>; <see cref="RoomHub.SayToRole"/>), shown before the channel; null for
    /// a message to every member.
    /// </summary>
    public string? StatusPrefix { get; init; }
}

namespace Parley.Core.Events;

/// <summary>
/// Client metadata without a message (IRCv3 <c>TAGMSG #channel</c>: typing notifications,
/// reactions) from a member to a room: delivered to the members online now, never stored.
/// Protocols without the notion show nothing.
/// </summary>
/// <param name="Room">The room's name as created.</param>
/// <param name="From">Sender's nick as shown.</param>
/// <param name="ClientTags">The metadata: client-only tags (keys starting with <c>+</c>).</param>
public sealed class RoomTagMessageEvent(string Room, string From, IReadOnlyList<KeyValuePair<string, string>> ClientTags) : RoomEvent(Room)
{
    /// <summary>Sender's nick as shown.</summary>
    public string From { get; } = From;

    /// <summary>The metadata: client-only tags.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ClientTags { get; } = ClientTags;

    /// <summary>A unique id (IRC's <c>msgid</c>), the same for every member and the sender's echo.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>The sender's account when logged in, as <see cref="DirectMessageEvent.FromAccount"/>; else null.</summary>
    public string? FromAccount { get; init; }

    /// <summary>
    /// True when the sender had marked itself a bot (IRC's user mode <c>+B</c>,
    /// ircv3.net/specs/extensions/bot-mode), shown as IRC's <c>bot</c> tag.
    /// </summary>
    public bool FromBot { get; init; }

}

using System.Runtime.InteropServices;
using System.Text;
using Parley.Core.Events;
using Parley.Core.Messages;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// Encodes chat events as IRC lines with one set of tags (<see cref="IrcEventTags"/>). Three sets
/// are cached once per event and shared by every recipient that wants them: none, time and all
/// (time, account, msgid, client tags: every client with message-tags), each in the slot it
/// reserved (<see cref="EncoderSlots"/>).
/// The rare rest (account-tag without message-tags) is encoded per recipient, uncached.
/// </summary>
/// <remarks>
/// <para>
/// No tag depends on the recipient: the time is the event's, the account and msgid the sender's
/// and the message's. So the three cached arrays are right for everyone, and the common cases (a
/// modern client with message-tags, an old one with nothing or just server-time) cost one encode
/// per event each. One slot per combination of tag caps would need eight; the two combinations
/// left out are account-tag without message-tags, which clients that know account-tag rarely do.
/// </para>
/// <para>
/// Mapping (docs/irc.md): a direct message is <c>:from!user@host PRIVMSG to :text</c> (or NOTICE);
/// a line user's broadcast is <c>:from!user@host NOTICE $* :text</c>, IRC's server-mask form of a
/// message to everyone; a server notice is <c>:server NOTICE * :text</c>. A stored message
/// delivered at login (<see cref="MissedMessageEvent"/>) is the PRIVMSG it was, with its original
/// time in server-time; the account's own message sent from another connection
/// (<see cref="EchoEvent"/>) is the PRIVMSG from itself, as echo-message and bouncers show it.
/// Client metadata alone (<see cref="TagMessageEvent"/>, <see cref="RoomTagMessageEvent"/>) is a
/// <c>TAGMSG</c>, sent only with message-tags.
/// Rooms are channels: their events, and the quits, nick changes, away and account changes that
/// IRC shows only to users sharing a channel, are encoded by <see cref="IrcRoomEvents"/>; whether a
/// recipient shares a channel is decided per recipient (<see cref="IrcConnection"/>), the bytes
/// stay shared. Registrations (<see cref="UserJoinedEvent"/>) encode to nothing.
/// </para>
/// <para>
/// Text longer than one 512-byte line is split with <see cref="IrcTextSplitter"/> (at spaces,
/// else grapheme and UTF-8 boundaries); the array then holds several CR LF-terminated lines, the
/// second and later with <c>msgid</c>s <c>&lt;id&gt;.1</c>, <c>&lt;id&gt;.2</c>, ...
/// </para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
internal sealed class IrcEventEncoder(string serverName, IrcEventTags tags) : IEventEncoder
{
    // Reserved at start-up (EncoderSlots); -1 for the uncached sets, which never reach the cache.
    private readonly int _slot = tags switch
    {
        IrcEventTags.None => EncoderSlots.IrcPlain,
        IrcEventTags.Time => EncoderSlots.IrcTimeTagged,
        IrcEventTags.All => EncoderSlots.IrcAllTags,
        _ => -1,
    };

    /// <summary>
    /// The cache slot (<see cref="EncoderSlots"/>); only meaningful when <see cref="IsCached"/>.
    /// The uncached sets have none (-1): <see cref="Encode"/> is called for them directly, and
    /// <see cref="ChatEvent.GetBytes"/> refuses them.
    /// </summary>
    public int Slot => _slot;

    /// <summary>Whether this form is cached in the event (none, time, all).</summary>
    public bool IsCached => tags is IrcEventTags.None or IrcEventTags.Time or IrcEventTags.All;

    /// <summary>The tags this encoder adds.</summary>
    public IrcEventTags Tags => tags;

    public byte[] Encode(ChatEvent chatEvent)
    {
        if (chatEvent is DirectMessageEvent direct && TryEncodeOneLine(direct) is { } oneLine)
            return oneLine;
        var messages = ToTaggedMessages(serverName, chatEvent, tags);
        if (messages.Count == 0)
            return [];
        if (messages.Count == 1)
            return IrcMessageFormatter.Format(messages[0]);
        var lines = messages.Select(IrcMessageFormatter.Format).ToArray();
        var all = new byte[lines.Sum(l => l.Length)];
        var at = 0;
        foreach (var line in lines)
        {
            line.CopyTo(all, at);
            at += line.Length;
        }

        return all;
    }

    // The common direct message, one line whose text needs no change for the wire, formatted
    // straight from its pieces: the same bytes as the general path below, without its message
    // lists, IrcMessage, parameter array and copy of the text (issue 10, fix 8). Null otherwise.
    private byte[]? TryEncodeOneLine(DirectMessageEvent direct)
    {
        var text = direct.Text;
        if (text.Length == 0 || text.AsSpan().IndexOfAny('\0', '\r', '\n') >= 0)
            return null;
        var nick = direct.From;
        var user = direct.FromAddress?.UserName ?? nick;
        var host = direct.FromAddress?.Host ?? Core.Sessions.ChatSession.CloakedHost;
        var command = direct.IsNotice ? "NOTICE" : "PRIVMSG";
        var budget = Math.Max(IrcTextSplitter.GetMaxTextBytes(MaskByteCount(nick, direct.FromAddress), command, direct.To), IrcTextSplitter.MinChunkBytes);
        // A UTF-16 unit is at most 3 UTF-8 bytes: count the bytes only when that could pass the budget.
        if (text.Length > budget || (text.Length * 3 > budget && Encoding.UTF8.GetByteCount(text) > budget))
            return null;
        // The source written from its parts: no mask string per message (issue 10, fix 13).
        if (tags == IrcEventTags.None)
            return IrcMessageFormatter.FormatFromUser([], nick, user, host, command, direct.To, text);
        var lineTags = CollectionsMarshal.AsSpan(IrcEventTagger.TagsOf(direct, tags, 0));
        // A repeated key is merged by IrcMessage.WithTags on the general path; leave it to that.
        for (var i = 1; i < lineTags.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(lineTags[i].Key, lineTags[j].Key, StringComparison.Ordinal))
                    return null;
            }
        }

        return IrcMessageFormatter.FormatFromUser(lineTags, nick, user, host, command, direct.To, text);
    }

    /// <summary>The event as IRC messages with <paramref name="wanted"/> tags (none for events IRC users do not see).</summary>
    public static IReadOnlyList<IrcMessage> ToTaggedMessages(string serverName, ChatEvent chatEvent, IrcEventTags wanted)
    {
        if (chatEvent is TagMessageEvent or RoomTagMessageEvent && (wanted & IrcEventTags.MessageTags) == 0)
            return [];
        var messages = ToMessages(serverName, chatEvent);
        if (wanted == IrcEventTags.None || messages.Count == 0)
            return messages;
        var result = new IrcMessage[messages.Count];
        for (var i = 0; i < messages.Count; i++)
            result[i] = messages[i].WithTags(IrcEventTagger.TagsOf(chatEvent, wanted, i));
        return result;
    }

    /// <summary>The event as untagged IRC messages (none for events IRC users do not see).</summary>
    public static IReadOnlyList<IrcMessage> ToMessages(string serverName, ChatEvent chatEvent) => IrcRoomEvents.ToMessages(serverName, chatEvent) ?? (chatEvent switch
    {
        DirectMessageEvent dm => Text(Mask(dm.From, dm.FromAddress), dm.IsNotice ? "NOTICE" : "PRIVMSG", dm.To, dm.Text),
        BroadcastEvent bm => Text(Mask(bm.From, bm.FromAddress), "NOTICE", "$*", bm.Text),
        ServerNoticeEvent notice => Text(serverName, "NOTICE", "*", notice.Text),
        MissedMessageEvent missed => Stored(missed.Message, missed.ShownTo),
        EchoEvent { Message: var sent } => Stored(sent, null),
        TagMessageEvent tagged => [new IrcMessage(Mask(tagged.From, tagged.FromAddress), "TAGMSG", tagged.To)],
        ReadMarkerEvent marker => [Commands.MarkReadCommand.Line(serverName, marker.Target, marker.ReadTime)],
        DirectMessageRedactedEvent redacted => [Redact(Mask(redacted.From, redacted.FromAddress), redacted.To, redacted.MessageId, redacted.Reason)],
        _ => [],
    });

    // A stored direct message or broadcast (delivered at login, or echoed to the sender's other
    // connections): the message as it was sent, with the stored time as its server-time.
    private static List<IrcMessage> Stored(ChatMessage message, string? shownTo) => message.Kind switch
    {
        MessageKind.Direct when (shownTo ?? message.To) is { } to => Text(Mask(message.From, null), "PRIVMSG", to, message.Text),
        MessageKind.Broadcast => Text(Mask(message.From, null), "NOTICE", "$*", message.Text),
        _ => [],
    };

    /// <summary><c>:nick!u@h REDACT &lt;target&gt; &lt;msgid&gt; [:reason]</c> (draft/message-redaction).</summary>
    public static IrcMessage Redact(string source, string target, long id, string? reason) => reason is null
        ? new IrcMessage(source, "REDACT", target, IrcEventTagger.MessageId(id))
        : new IrcMessage(source, "REDACT", target, IrcEventTagger.MessageId(id), IrcText.ForWire(reason));

    /// <summary><c>nick!user@host</c>.</summary>
    public static string Mask(string nick, UserAddress? address) =>
        $"{nick}!{address?.UserName ?? nick}@{address?.Host ?? Core.Sessions.ChatSession.CloakedHost}";

    /// <summary>The UTF-8 length of <see cref="Mask"/>'s result, without building it.</summary>
    public static int MaskByteCount(string nick, UserAddress? address) =>
        Encoding.UTF8.GetByteCount(nick) + 1 + Encoding.UTF8.GetByteCount(address?.UserName ?? nick) + 1
        + Encoding.UTF8.GetByteCount(address?.Host ?? Core.Sessions.ChatSession.CloakedHost);

    /// <summary>
    /// A message's text as one or more messages that each fit 512 bytes. A multiline message
    /// (draft/multiline, lines joined with <c>\n</c>) gives one or more per non-blank line: what a
    /// recipient without the capability gets (ircv3.net/specs/extensions/multiline, "Fallback").
    /// </summary>
    public static List<IrcMessage> Text(string source, string command, string target, string text)
    {
        var budget = Math.Max(IrcTextSplitter.GetMaxTextBytes(source, command, target), IrcTextSplitter.MinChunkBytes);
        var messages = new List<IrcMessage>(1);
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            foreach (var chunk in IrcTextSplitter.Split(IrcText.ForWire(text), budget))
                messages.Add(new IrcMessage(source, command, target, chunk));
            return messages;
        }

        foreach (var line in text.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            foreach (var chunk in IrcTextSplitter.Split(IrcText.ForWire(line), budget))
                messages.Add(new IrcMessage(source, command, target, chunk));
        }

        return messages;
    }
}

using Parley.Core.Events;
using Parley.Core.Messages;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// Encodes chat events as IRC lines, in one of two forms, each cached once per event: without
/// tags (slot 1) for clients without server-time, and with the <c>time</c> tag (slot 2) for
/// clients that enabled it. Neither depends on the recipient, so all IRC recipients of a
/// message share one of two arrays.
/// </summary>
/// <remarks>
/// <para>
/// Mapping (docs/irc.md): a direct message is <c>:from!user@host PRIVMSG to :text</c> (or NOTICE);
/// a line user's broadcast is <c>:from!user@host NOTICE $* :text</c>, IRC's server-mask form of a
/// message to everyone; a server notice is <c>:server NOTICE * :text</c>. A stored message
/// delivered at login (<see cref="MissedMessageEvent"/>) is the PRIVMSG it was, with its original
/// time in server-time; the account's own message sent from another connection
/// (<see cref="EchoEvent"/>) is the PRIVMSG from itself, as echo-message and bouncers show it.
/// Rooms are channels: their events, and the quits, nick changes, away and account changes that
/// IRC shows only to users sharing a channel, are encoded by <see cref="IrcRoomEvents"/>; whether a
/// recipient shares a channel is decided per recipient (<see cref="IrcConnection"/>), the bytes
/// stay shared. Registrations (<see cref="UserJoinedEvent"/>) encode to nothing.
/// </para>
/// <para>
/// Text longer than one 512-byte line is split with <see cref="IrcTextSplitter"/> (at spaces,
/// else grapheme and UTF-8 boundaries); the array then holds several CR LF-terminated lines.
/// </para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
internal sealed class IrcEventEncoder(string serverName, bool withTime) : IEventEncoder
{
    /// <summary>Slot of the untagged form.</summary>
    public const int PlainSlot = 1;

    /// <summary>Slot of the form with the server-time tag.</summary>
    public const int TimeTaggedSlot = 2;

    public int Slot => withTime ? TimeTaggedSlot : PlainSlot;

    /// <summary>Whether this encoder adds the <c>time</c> tag.</summary>
    public bool WithTime => withTime;

    public byte[] Encode(ChatEvent chatEvent)
    {
        var messages = ToMessages(serverName, chatEvent);
        if (messages.Count == 0)
            return [];
        ReadOnlySpan<IrcTag> tags = withTime && chatEvent.Time != default
            ? [new IrcTag("time", IrcText.FormatTime(chatEvent.Time))]
            : [];
        var lines = new byte[messages.Count][];
        var length = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            lines[i] = IrcMessageFormatter.FormatWithTags(tags, m.Source, m.Command, [.. m.Parameters]);
            length += lines[i].Length;
        }

        if (lines.Length == 1)
            return lines[0];
        var all = new byte[length];
        var at = 0;
        foreach (var line in lines)
        {
            line.CopyTo(all, at);
            at += line.Length;
        }

        return all;
    }

    /// <summary>The event as untagged IRC messages (none for events IRC users do not see).</summary>
    public static IReadOnlyList<IrcMessage> ToMessages(string serverName, ChatEvent chatEvent) => IrcRoomEvents.ToMessages(serverName, chatEvent) ?? (chatEvent switch
    {
        DirectMessageEvent dm => Text(Mask(dm.From, dm.FromAddress), dm.IsNotice ? "NOTICE" : "PRIVMSG", dm.To, dm.Text),
        BroadcastEvent bm => Text(Mask(bm.From, bm.FromAddress), "NOTICE", "$*", bm.Text),
        ServerNoticeEvent notice => Text(serverName, "NOTICE", "*", notice.Text),
        MissedMessageEvent { Message: var missed } => Stored(missed),
        EchoEvent { Message: var sent } => Stored(sent),
        _ => [],
    });

    // A stored direct message or broadcast (delivered at login, or echoed to the sender's other
    // connections): the message as it was sent, with the stored time as its server-time.
    private static List<IrcMessage> Stored(ChatMessage message) => message.Kind switch
    {
        MessageKind.Direct when message.To is { } to => Text(Mask(message.From, null), "PRIVMSG", to, message.Text),
        MessageKind.Broadcast => Text(Mask(message.From, null), "NOTICE", "$*", message.Text),
        _ => [],
    };

    /// <summary><c>nick!user@host</c>.</summary>
    public static string Mask(string nick, UserAddress? address) =>
        $"{nick}!{address?.UserName ?? nick}@{address?.Host ?? Core.Sessions.ChatSession.CloakedHost}";

    /// <summary>A text message, split into lines that fit 512 bytes with the source.</summary>
    public static List<IrcMessage> Text(string source, string command, string target, string text)
    {
        var budget = IrcTextSplitter.GetMaxTextBytes(source, command, target);
        var messages = new List<IrcMessage>(1);
        foreach (var chunk in IrcTextSplitter.Split(IrcText.ForWire(text), Math.Max(budget, IrcTextSplitter.MinChunkBytes)))
            messages.Add(new IrcMessage(source, command, target, chunk));
        return messages;
    }
}

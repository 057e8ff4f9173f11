using Parley.Core.Events;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// A message whose text holds line breaks (a draft/multiline batch's, lines joined with
/// <c>\n</c>) for a recipient with <c>draft/multiline</c>: <c>BATCH +ref draft/multiline
/// target</c> with the message's tags (always a <c>msgid</c>), one <c>@batch=ref PRIVMSG target
/// :line</c> per line, <c>BATCH -ref</c> (ircv3.net/specs/extensions/multiline). A line too long
/// for 512 bytes goes on in further lines tagged <c>draft/multiline-concat</c>.
/// </summary>
/// <remarks>
/// Formatted per recipient, uncached: multiline messages are rare next to one-line ones, and a
/// cache slot per form would grow every event. Recipients without the capability get the shared
/// form, one PRIVMSG per line (<see cref="IrcEventEncoder.Text"/>). Stateless and thread-safe.
/// </remarks>
internal static class IrcMultilineRelay
{
    /// <summary>
    /// Whether <paramref name="chatEvent"/> is a channel or direct message that needs more than one
    /// IRC line: it has line breaks, or is too long for one 512-byte line (a line user's long
    /// text, or a batch of one long line joined with concat).
    /// </summary>
    public static bool IsMultiline(ChatEvent chatEvent) => chatEvent switch
    {
        RoomMessageEvent said => NeedsLines(chatEvent, said.Message.Text),
        DirectMessageEvent direct => NeedsLines(chatEvent, direct.Text),
        _ => false,
    };

    // Per recipient with the capability, so the common short text allocates nothing: a UTF-16 unit
    // is at most 3 UTF-8 bytes, and under ShortTextBytes no line is split (the budget is above it
    // but for the longest masks and targets, whose texts then take the shared, split form).
    private static bool NeedsLines(ChatEvent chatEvent, string text)
    {
        if (text.Contains('\n', StringComparison.Ordinal))
            return true;
        if (text.Length * 3 <= ShortTextBytes)
            return false;
        var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        if (bytes <= ShortTextBytes)
            return false;
        var (source, command, target, _, _) = Parts(chatEvent);
        return bytes > IrcTextSplitter.GetMaxTextBytes(source, command, target);
    }

    private const int ShortTextBytes = 300;

    private static (string Source, string Command, string Target, string Text, long? Id) Parts(ChatEvent chatEvent) => chatEvent switch
    {
        RoomMessageEvent said => (IrcEventEncoder.Mask(said.Message.From, said.ActorAddress), said.IsNotice ? "NOTICE" : "PRIVMSG",
            said.StatusPrefix is null ? said.Room : said.StatusPrefix + said.Room, said.Message.Text, (long?)said.Message.Id),
        DirectMessageEvent direct => (IrcEventEncoder.Mask(direct.From, direct.FromAddress), direct.IsNotice ? "NOTICE" : "PRIVMSG",
            direct.To, direct.Text, direct.MessageId),
        _ => throw new ArgumentException("Not a message event", nameof(chatEvent)),
    };

    /// <summary>The batch's lines with <paramref name="wanted"/> tags on its opening, CR LF-terminated.</summary>
    public static byte[] Encode(ChatEvent chatEvent, IrcEventTags wanted)
    {
        var (source, command, target, text, id) = Parts(chatEvent);
        // The reference only has to be unique among this connection's open batches: one at a time here.
        var msgid = id is { } stored ? IrcEventTagger.MessageId(stored) : null;
        var reference = "ml" + (msgid ?? "0");
        var openTags = IrcEventTagger.TagsOf(chatEvent, wanted, 0);
        if (msgid is not null && !openTags.Exists(t => t.Key == "msgid"))
            openTags.Add(new IrcTag("msgid", msgid));
        var lines = new List<byte[]> { IrcMessageFormatter.Format(new IrcMessage(source, "BATCH", "+" + reference, Commands.BatchCommand.MultilineType, target).WithTags(openTags)) };
        IrcTag[] inBatch = [new("batch", reference)];
        IrcTag[] continued = [new("batch", reference), new(IrcMultilineBatch.ConcatTag, "")];
        var budget = Math.Max(IrcTextSplitter.GetMaxTextBytes(source, command, target), IrcTextSplitter.MinChunkBytes);
        foreach (var line in text.Split('\n'))
        {
            var wire = IrcText.ForWire(line);
            if (wire.Length == 0)
            {
                lines.Add(IrcMessageFormatter.FormatWithTags(inBatch, source, command, target, ""));
                continue;
            }

            var first = true;
            foreach (var chunk in IrcTextSplitter.Split(wire, budget))
            {
                lines.Add(IrcMessageFormatter.FormatWithTags(first ? inBatch : continued, source, command, target, chunk));
                first = false;
            }
        }

        lines.Add(IrcMessageFormatter.Format(source, "BATCH", "-" + reference));
        var all = new byte[lines.Sum(l => l.Length)];
        var at = 0;
        foreach (var line in lines)
        {
            line.CopyTo(all, at);
            at += line.Length;
        }

        return all;
    }
}

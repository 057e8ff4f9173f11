using System.Globalization;
using System.Text;

namespace Parley.Protocols.Irc;

/// <summary>
/// Splits message text that does not fit in one line into pieces that each do, and computes how
/// much text fits in a <c>PRIVMSG</c> or <c>NOTICE</c>.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class IrcTextSplitter
{
    /// <summary>The smallest chunk size <see cref="Split"/> accepts: the longest UTF-8 sequence.</summary>
    public const int MinChunkBytes = 4;

    /// <summary>
    /// Splits <paramref name="text"/> into chunks of at most <paramref name="maxBytes"/> bytes of
    /// UTF-8, preferring to break at a space.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each chunk is as long as fits. When the rest of the text does not fit, the cut goes at the
    /// last space that leaves a non-empty chunk (a space just past the chunk counts); that one
    /// space is dropped, all others are kept. Without such a space the cut goes at the last
    /// grapheme cluster boundary (so "é" as e + combining accent, or a flag emoji, stays whole),
    /// and if a single cluster is longer than <paramref name="maxBytes"/> at the last Unicode
    /// scalar boundary; a surrogate pair is never cut.
    /// </para>
    /// <para>
    /// Exactly: the text equals the chunks joined with, between each two, either nothing or one
    /// space (the dropped one). Every chunk is non-empty and at most <paramref name="maxBytes"/>
    /// bytes; the empty text gives no chunks.
    /// </para>
    /// </remarks>
    /// <param name="text">The text, e.g. the trailing parameter of a <c>PRIVMSG</c>.</param>
    /// <param name="maxBytes">Most UTF-8 bytes per chunk, at least <see cref="MinChunkBytes"/>; see <see cref="GetMaxTextBytes(string?, string, string, int)"/>.</param>
    /// <returns>The chunks in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is below <see cref="MinChunkBytes"/>.</exception>
    public static IReadOnlyList<string> Split(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, MinChunkBytes);
        var chunks = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var rest = text.AsSpan(start);
            if (Encoding.UTF8.GetByteCount(rest) <= maxBytes)
            {
                chunks.Add(rest.ToString());
                break;
            }

            var (end, space) = LongestPrefix(text, start, maxBytes);
            if (space > start)
            {
                chunks.Add(text[start..space]);
                start = space + 1;
            }
            else
            {
                chunks.Add(text[start..end]);
                start = end;
            }
        }

        return chunks;
    }

    /// <summary>
    /// Bytes of text that fit in <c>[:source ]command target :text</c> within
    /// <paramref name="maxLineBytes"/> including CR LF; tags do not count (they have their own limit).
    /// </summary>
    /// <remarks>
    /// A server relaying a client's <c>PRIVMSG</c> adds the client's full <c>nick!user@host</c>
    /// as the source, so pass that source, not the one the client used, or the relayed line may
    /// grow past 512 bytes.
    /// </remarks>
    /// <param name="source">The source recipients will see, or null for none.</param>
    /// <param name="command">The command, e.g. <c>PRIVMSG</c> or <c>NOTICE</c>.</param>
    /// <param name="target">The target nick or channel.</param>
    /// <param name="maxLineBytes">The line limit with CR LF; defaults to <see cref="IrcLimits.MaxLineBytes"/> (512).</param>
    /// <returns>The text budget in bytes; 0 when even empty text does not fit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> or <paramref name="target"/> is null.</exception>
    public static int GetMaxTextBytes(string? source, string command, string target, int maxLineBytes = IrcLimits.MaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(target);
        var utf8 = Encoding.UTF8;
        var overhead = (source is null ? 0 : 2 + utf8.GetByteCount(source)) // ':' source ' '
            + utf8.GetByteCount(command)
            + 1 + utf8.GetByteCount(target) // ' ' target
            + 2 // ' :'
            + 2; // CR LF
        return Math.Max(0, maxLineBytes - overhead);
    }

    /// <summary>
    /// As <see cref="GetMaxTextBytes(string?, string, string, int)"/> for a source of
    /// <paramref name="sourceByteCount"/> UTF-8 bytes, so a caller need not build the source string.
    /// </summary>
    /// <param name="sourceByteCount">The UTF-8 length of the source without <c>:</c>; 0 or more.</param>
    /// <param name="command">The command, e.g. <c>PRIVMSG</c> or <c>NOTICE</c>.</param>
    /// <param name="target">The target nick or channel.</param>
    /// <param name="maxLineBytes">The line limit with CR LF; defaults to <see cref="IrcLimits.MaxLineBytes"/> (512).</param>
    /// <returns>The text budget in bytes; 0 when even empty text does not fit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> or <paramref name="target"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sourceByteCount"/> is negative.</exception>
    public static int GetMaxTextBytes(int sourceByteCount, string command, string target, int maxLineBytes = IrcLimits.MaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceByteCount);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(target);
        var utf8 = Encoding.UTF8;
        var overhead = 2 + sourceByteCount // ':' source ' '
            + utf8.GetByteCount(command)
            + 1 + utf8.GetByteCount(target) // ' ' target
            + 2 // ' :'
            + 2; // CR LF
        return Math.Max(0, maxLineBytes - overhead);
    }

    // The longest prefix of text[start..] within maxBytes, cut at a grapheme cluster boundary
    // (or a scalar boundary inside an overlong cluster), and the last space that could end a
    // chunk there (-1 for none).
    private static (int End, int Space) LongestPrefix(string text, int start, int maxBytes)
    {
        var end = start;
        var bytes = 0;
        var space = -1;
        while (end < text.Length)
        {
            var length = StringInfo.GetNextTextElementLength(text.AsSpan(end));
            var elementBytes = Encoding.UTF8.GetByteCount(text.AsSpan(end, length));
            if (bytes + elementBytes > maxBytes)
                break;
            if (text[end] == ' ' && end > start)
                space = end;
            bytes += elementBytes;
            end += length;
        }

        // A space just past the prefix can be the cut too, unless it ends the text: a dropped
        // space always lies between two chunks.
        if (end < text.Length - 1 && text[end] == ' ' && end > start)
            space = end;
        if (end > start)
            return (end, space);

        // One grapheme cluster (e.g. a letter with hundreds of combining marks) is over the
        // limit: cut it between scalars, which maxBytes >= 4 always allows.
        while (end < text.Length)
        {
            var length = char.IsHighSurrogate(text[end]) && end + 1 < text.Length && char.IsLowSurrogate(text[end + 1]) ? 2 : 1;
            var scalarBytes = Encoding.UTF8.GetByteCount(text.AsSpan(end, length));
            if (bytes + scalarBytes > maxBytes)
                break;
            bytes += scalarBytes;
            end += length;
        }

        return (end, -1);
    }
}

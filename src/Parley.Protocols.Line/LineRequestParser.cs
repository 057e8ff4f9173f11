using System.Text;
using System.Text.Unicode;

namespace Parley.Protocols.Line;

/// <summary>Parses client lines (docs/protocol.md, "Client to server").</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class LineRequestParser
{
    /// <summary>Parses one line, already without its CR/LF.</summary>
    /// <param name="line">The line's bytes; at most the framer's limit.</param>
    /// <param name="request">The request when the result is <see cref="LineParseError.None"/>.</param>
    /// <returns><see cref="LineParseError.None"/> or why the line was refused. Never throws.</returns>
    public static LineParseError TryParse(ReadOnlySpan<byte> line, out LineRequest request)
    {
        request = default;
        if (!Utf8.IsValid(line))
            return LineParseError.InvalidUtf8;

        if (TryDirectFromBytes(line, out request, out var error))
            return error;

        var text = Encoding.UTF8.GetString(line).Trim();
        if (text.Length == 0)
            return LineParseError.Empty;
        if (HasForbiddenControl(text))
            return LineParseError.ControlCharacter;

        switch (text[0])
        {
            case '/':
                if (TryDirectMessage(text.AsSpan(1), out request))
                    return LineParseError.None;
                var (name, arguments) = SplitWord(text.AsSpan(1));
                if (name.Length == 0)
                    return LineParseError.Syntax;
                request = new LineRequest(name.ToLowerInvariant(), arguments);
                return LineParseError.None;
            case '#':
                // The seeds' form: "#alice" takes the nick, "#alice <password>" logs in to it.
                var (nick, password) = SplitWord(text.AsSpan(1));
                request = password.Length == 0 ? new LineRequest("nick", nick) : new LineRequest("login", string.Concat(nick, " ", password));
                return LineParseError.None;
            case '@':
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                    return LineParseError.Syntax;
                var target = text.AsSpan(1, colon - 1).Trim();
                var body = text.AsSpan(colon + 1).Trim();
                if (target.Length == 0 || target.ContainsAny(' ', '\t'))
                    return LineParseError.Syntax;
                // @#room:text says text in a room; @nick:text is a direct message.
                var command = target[0] == '#' ? "say" : "dm";
                // Target and text kept apart: the command takes them without another copy of the text.
                request = body.IsEmpty ? new LineRequest(command, target.ToString()) : LineRequest.ToTarget(command, target.ToString(), body.ToString());
                return LineParseError.None;
            default:
                request = new LineRequest("bm", text);
                return LineParseError.None;
        }
    }

    /// <summary>Splits off the first space-separated word; the rest is trimmed.</summary>
    /// <param name="text">Text to split.</param>
    /// <returns>The first word and the remaining text (empty when none).</returns>
    public static (string Word, string Remainder) SplitWord(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        var space = text.IndexOfAny(' ', '\t');
        return space < 0
            ? (text.ToString(), string.Empty)
            : (text[..space].ToString(), text[(space + 1)..].Trim().ToString());
    }

    // The common "@target:text" with no control byte at all, read from the bytes: the same result
    // as the general path below without a string of the whole line (issue 10, fix 14). False for
    // anything else (a control byte, a long target), which the general path then reads.
    private static bool TryDirectFromBytes(ReadOnlySpan<byte> line, out LineRequest request, out LineParseError error)
    {
        request = default;
        error = LineParseError.None;
        if (line.IsEmpty || line[0] != (byte)'@' || line.IndexOfAnyInRange((byte)0, (byte)0x1f) >= 0 || line.Contains((byte)0x7f))
            return false;
        var colon = line.IndexOf((byte)':');
        if (colon < 0)
        {
            error = LineParseError.Syntax;
            return true;
        }

        if (colon - 1 > MaxFastTargetBytes)
            return false;
        Span<char> chars = stackalloc char[MaxFastTargetBytes];
        var target = chars[..Encoding.UTF8.GetChars(line[1..colon], chars)].Trim();
        if (target.Length == 0 || target.ContainsAny(' ', '\t'))
        {
            error = LineParseError.Syntax;
            return true;
        }

        var command = target[0] == '#' ? "say" : "dm";
        var body = Encoding.UTF8.GetString(line[(colon + 1)..]).Trim();
        request = body.Length == 0 ? new LineRequest(command, target.ToString()) : LineRequest.ToTarget(command, target.ToString(), body);
        return true;
    }

    // Longest target read on the stack by the fast path (nicks and room names are far shorter).
    private const int MaxFastTargetBytes = 128;

    // "/dm nick text" (any case) as the target and the text apart, as "@nick:text" is parsed.
    private static bool TryDirectMessage(ReadOnlySpan<char> afterSlash, out LineRequest request)
    {
        request = default;
        var rest = afterSlash.Trim();
        var space = rest.IndexOfAny(' ', '\t');
        if (space != 2 || !rest[..2].Equals("dm", StringComparison.OrdinalIgnoreCase))
            return false;
        rest = rest[(space + 1)..].Trim();
        space = rest.IndexOfAny(' ', '\t');
        if (space < 0)
            return false;
        var body = rest[(space + 1)..].Trim();
        request = LineRequest.ToTarget("dm", rest[..space].ToString(), body.ToString());
        return true;
    }

    // TAB is allowed, and so are IRC's formatting codes (bold, colour, reset, reverse, italics,
    // monospace, strike, underline) for later IRC interop; other C0 controls and DEL can
    // rewrite a reader's terminal (CR overprints a line, ESC starts an escape sequence).
    private static bool HasForbiddenControl(string text)
    {
        foreach (var c in text)
        {
            if (c == '\x7f')
                return true;
            if (c >= ' ')
                continue;
            if (c is not ('\t' or '\x02' or '\x03' or '\x0f' or '\x11' or '\x16' or '\x1d' or '\x1e' or '\x1f'))
                return true;
        }

        return false;
    }
}

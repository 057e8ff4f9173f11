using System.Text;

namespace Parley.Protocols.Irc;

/// <summary>
/// Tag value escaping (IRCv3 message-tags, "Escaping values"): <c>;</c> is sent as <c>\:</c>,
/// space as <c>\s</c>, <c>\</c> as <c>\\</c>, CR as <c>\r</c> and LF as <c>\n</c>.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class IrcTagEscaping
{
    /// <summary>Escapes a value for the wire.</summary>
    /// <param name="value">The raw value.</param>
    /// <returns>The escaped value; the same instance when nothing needs escaping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.AsSpan().ContainsAny(IrcSyntax.EscapedInTagValue))
            return value;
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                ';' => builder.Append("\\:"),
                ' ' => builder.Append("\\s"),
                '\\' => builder.Append("\\\\"),
                '\r' => builder.Append("\\r"),
                '\n' => builder.Append("\\n"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>
    /// Unescapes a value read from the wire. As the spec says, a backslash before any other
    /// character is dropped (<c>\b</c> reads as <c>b</c>) and a backslash at the end is dropped.
    /// </summary>
    /// <param name="escaped">The value as sent, after the <c>=</c>.</param>
    /// <returns>The raw value.</returns>
    public static string Unescape(ReadOnlySpan<char> escaped)
    {
        if (!escaped.Contains('\\'))
            return escaped.ToString();
        var builder = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i == escaped.Length)
                break;
            builder.Append(escaped[i] switch
            {
                ':' => ';',
                's' => ' ',
                'r' => '\r',
                'n' => '\n',
                var other => other,
            });
        }

        return builder.ToString();
    }

    /// <summary>Bytes of UTF-8 the escaped form of <paramref name="value"/> takes.</summary>
    internal static int GetEscapedByteCount(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        var span = value.AsSpan();
        int at;
        while ((at = span.IndexOfAny(IrcSyntax.EscapedInTagValue)) >= 0)
        {
            count++; // each escaped character (one byte) becomes two
            span = span[(at + 1)..];
        }

        return count;
    }

    /// <summary>Writes the escaped form of <paramref name="value"/>; returns the bytes written.</summary>
    internal static int WriteEscaped(string value, Span<byte> destination)
    {
        var written = 0;
        var span = value.AsSpan();
        int at;
        while ((at = span.IndexOfAny(IrcSyntax.EscapedInTagValue)) >= 0)
        {
            written += Encoding.UTF8.GetBytes(span[..at], destination[written..]);
            destination[written++] = (byte)'\\';
            destination[written++] = span[at] switch
            {
                ';' => (byte)':',
                ' ' => (byte)'s',
                '\\' => (byte)'\\',
                '\r' => (byte)'r',
                _ => (byte)'n',
            };
            span = span[(at + 1)..];
        }

        return written + Encoding.UTF8.GetBytes(span, destination[written..]);
    }
}

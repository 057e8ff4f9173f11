using System.Globalization;
using System.Text;

namespace Parley.FrontEnds.Irc;

/// <summary>Text crossing between IRC and the core.</summary>
internal static class IrcText
{
    /// <summary>UTF-8 that throws on invalid bytes (SASL payloads are checked, not repaired).</summary>
    public static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Makes an IRC client's message text safe for every protocol: C0 controls other than TAB,
    /// CTCP's <c>\x01</c> and IRC's formatting codes (bold, colour, reset, reverse, italics,
    /// monospace, strike, underline), and DEL, become U+FFFD. The line protocol refuses those
    /// from its own clients, since ESC or CR can rewrite a reader's terminal; IRC's parser has
    /// already refused NUL, CR and LF.
    /// </summary>
    public static string FromClient(string text)
    {
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length && IsAllowed(span[i]))
            i++;
        if (i == span.Length)
            return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(IsAllowed(c) ? c : '\uFFFD');
        return builder.ToString();
    }

    /// <summary>Core text for the IRC wire: NUL, CR and LF (never expected) become spaces, so a line cannot be broken.</summary>
    public static string ForWire(string text) =>
        text.AsSpan().IndexOfAny('\0', '\r', '\n') < 0 ? text : text.Replace('\0', ' ').Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>The IRCv3 server-time form: UTC, milliseconds, <c>Z</c> (<c>2025-01-02T03:04:05.678Z</c>).</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The first <paramref name="maxBytes"/> bytes of <paramref name="text"/> at most, cut at a character boundary.</summary>
    public static string Truncate(string text, int maxBytes) =>
        Encoding.UTF8.GetByteCount(text) <= maxBytes ? text : Parley.Protocols.Irc.IrcTextSplitter.Split(text, maxBytes)[0];

    private static bool IsAllowed(char c) =>
        c >= ' ' ? c != '\x7f' : c is '\t' or '\x01' or '\x02' or '\x03' or '\x0f' or '\x11' or '\x16' or '\x1d' or '\x1e' or '\x1f';
}

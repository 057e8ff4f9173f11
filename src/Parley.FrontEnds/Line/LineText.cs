using System.Text;

namespace Parley.FrontEnds.Line;

/// <summary>
/// Message text from the core as line users read it. IRC clients send CTCP ACTION
/// (<c>\x01ACTION waves\x01</c>, from <c>/me</c>) and mIRC formatting codes (bold <c>\x02</c>,
/// colour <c>\x03</c>NN[,NN], reset <c>\x0f</c>, monospace <c>\x11</c>, reverse <c>\x16</c>,
/// italics <c>\x1d</c>, strike <c>\x1e</c>, underline <c>\x1f</c>; modern.ircdocs.horse/formatting);
/// the core keeps them so IRC users see them, and the line protocol shows an action as
/// <c>* nick waves</c> and drops the formatting.
/// </summary>
/// <remarks>Stateless and thread-safe. Text without control characters is returned as is, unallocated.</remarks>
internal static class LineText
{
    private const string ActionPrefix = "\u0001ACTION ";

    /// <summary>The CTCP form of an action (what IRC's <c>/me waves</c> sends): <c>\x01ACTION waves\x01</c>.</summary>
    public static string Action(string text) => ActionPrefix + text + "\u0001";

    /// <summary>
    /// <paramref name="text"/> from <paramref name="from"/> for a line user: an action becomes
    /// <c>* from text</c>; other CTCP markers and formatting codes go.
    /// </summary>
    public static string Render(string from, string text)
    {
        if (!HasControls(text))
            return text;
        if (text.StartsWith(ActionPrefix, StringComparison.Ordinal))
        {
            var body = text.AsSpan(ActionPrefix.Length).TrimEnd('\x01');
            return "* " + from + " " + Strip(body.ToString());
        }

        return Strip(text);
    }

    /// <summary><paramref name="text"/> without CTCP markers and formatting codes (for topics, reasons).</summary>
    public static string Strip(string text)
    {
        if (!HasControls(text))
            return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\x03':
                    // Colour: up to two digits of foreground, then optionally ',' and up to two of background.
                    i = SkipDigits(text, i + 1) - 1;
                    if (i + 2 < text.Length && text[i + 1] == ',' && char.IsAsciiDigit(text[i + 2]))
                        i = SkipDigits(text, i + 2) - 1;
                    break;
                case '\n':
                    // An IRC draft/multiline message's line break: one line-protocol line, lines joined with a space.
                    builder.Append(' ');
                    break;
                case '\x01' or '\x02' or '\x0f' or '\x11' or '\x16' or '\x1d' or '\x1e' or '\x1f':
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool HasControls(string text) => text.AsSpan().IndexOfAnyInRange('\x01', '\x1f') >= 0;

    private static int SkipDigits(string text, int start)
    {
        var end = start;
        while (end < text.Length && end < start + 2 && char.IsAsciiDigit(text[end]))
            end++;
        return end;
    }
}

using System.Text;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// A client's open <c>draft/multiline</c> batch (ircv3.net/specs/extensions/multiline): the
/// <c>PRIVMSG</c>/<c>NOTICE</c> lines tagged <c>batch=id</c> between <c>BATCH +id draft/multiline
/// target</c> and <c>BATCH -id</c>, collected into one text whose lines are joined with <c>\n</c>
/// (a line tagged <c>draft/multiline-concat</c> joins the previous one without a break).
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="MaxBytes"/> bytes of text (UTF-8, line breaks not counted) and
/// <see cref="MaxLines"/> lines; past either, nothing more is kept and the batch fails at its
/// end. One per connection, read loop only (not thread-safe); a batch still open when the
/// connection closes is dropped with it, undelivered.
/// </remarks>
internal sealed class IrcMultilineBatch(string id, string target, IReadOnlyList<KeyValuePair<string, string>> clientTags)
{
    /// <summary>Most bytes of text in one batch (the cap's <c>max-bytes</c>).</summary>
    public const int MaxBytes = 4096;

    /// <summary>Most lines in one batch (the cap's <c>max-lines</c>).</summary>
    public const int MaxLines = 24;

    /// <summary>The value of <c>draft/multiline</c> in <c>CAP LS 302</c>.</summary>
    public const string CapabilityValue = "max-bytes=4096,max-lines=24";

    /// <summary>The concat tag: this line continues the previous one, without a line break.</summary>
    public const string ConcatTag = "draft/multiline-concat";

    private readonly StringBuilder _text = new();
    private int _bytes;

    /// <summary>The client's reference (<c>BATCH +id</c>).</summary>
    public string Id => id;

    /// <summary>The one target of every line (a nick or channel).</summary>
    public string Target => target;

    /// <summary>The client-only tags of the opening <c>BATCH</c>, relayed with the message.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ClientTags => clientTags;

    /// <summary><c>PRIVMSG</c> or <c>NOTICE</c>, from the first line; null before it.</summary>
    public string? Command { get; private set; }

    /// <summary>Lines added so far.</summary>
    public int Lines { get; private set; }

    /// <summary>The first error (a FAIL code and its parameters), or null while the batch is valid.</summary>
    public string[]? Error { get; private set; }

    /// <summary>Whether some line holds more than white space (a batch of blank lines is invalid).</summary>
    public bool HasContent { get; private set; }

    /// <summary>The text, lines joined with <c>\n</c>.</summary>
    public string Text => _text.ToString();

    /// <summary>Adds a line; records the first error instead when the line breaks a rule.</summary>
    public void Add(string command, string lineTarget, string text, bool concat)
    {
        if (Error is not null)
            return;
        if (Command is not null && Command != command)
        {
            Fail("MULTILINE_INVALID", "Multiline batch mixes PRIVMSG and NOTICE");
            return;
        }

        if (!string.Equals(lineTarget, target, StringComparison.OrdinalIgnoreCase))
        {
            Fail("MULTILINE_INVALID_TARGET", target, lineTarget, "Invalid multiline target");
            return;
        }

        if (concat && text.Length == 0)
        {
            Fail("MULTILINE_INVALID", "Multiline concat line is empty");
            return;
        }

        if (Lines == MaxLines)
        {
            Fail("MULTILINE_MAX_LINES", MaxLines.ToString(System.Globalization.CultureInfo.InvariantCulture), "Multiline batch max-lines exceeded");
            return;
        }

        _bytes += Encoding.UTF8.GetByteCount(text);
        if (_bytes > MaxBytes)
        {
            Fail("MULTILINE_MAX_BYTES", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "Multiline batch max-bytes exceeded");
            return;
        }

        Command = command;
        if (Lines > 0 && !concat)
            _text.Append('\n');
        _text.Append(text);
        Lines++;
        HasContent |= !string.IsNullOrWhiteSpace(text);
    }

    /// <summary>Records an error the batch's end will report (the first one wins).</summary>
    public void Fail(params string[] error)
    {
        Error ??= error;
        _text.Clear();
    }
}

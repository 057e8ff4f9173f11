using System.Text;

namespace Parley.Protocols.Line;

/// <summary>
/// Formats the lines the server sends (docs/protocol.md, "Server to client"): a kind token, a
/// space, the rest, LF. Each call returns a fresh array that callers may share between any
/// number of recipients, since nobody writes to it afterwards.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class LineWriter
{
    /// <summary>The greeting: <c>HELLO text</c>.</summary>
    /// <param name="text">Greeting text.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Hello(string text) => Format("HELLO ", text);

    /// <summary>A successful final reply: <c>OK text</c>.</summary>
    /// <param name="text">Reply text.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Ok(string text) => Format("OK ", text);

    /// <summary>A refused command: <c>ERR CODE text</c>.</summary>
    /// <param name="code">One of <see cref="LineErrorCodes"/>.</param>
    /// <param name="text">Human-readable reason.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Error(string code, string text) => Format("ERR ", code, " ", text);

    /// <summary>A direct message: <c>DM from: text</c>.</summary>
    /// <param name="from">Sender's nick.</param>
    /// <param name="text">Message text.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Direct(string from, string text) => Format("DM ", from, ": ", text);

    /// <summary>A broadcast: <c>BM from: text</c>.</summary>
    /// <param name="from">Sender's nick.</param>
    /// <param name="text">Message text.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Broadcast(string from, string text) => Format("BM ", from, ": ", text);

    /// <summary>A system notice: <c>SYS text</c>.</summary>
    /// <param name="text">Notice text.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] System(string text) => Format("SYS ", text);

    /// <summary>The data line of <c>/users</c>: <c>USERS nick nick...</c>.</summary>
    /// <param name="nicks">Nicks online.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Users(IEnumerable<string> nicks) => Format("USERS ", string.Join(' ', nicks));

    /// <summary>A data line of <c>/help</c>: <c>HELP text</c>.</summary>
    /// <param name="text">One command's help.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Help(string text) => Format("HELP ", text);

    /// <summary>The last line before the server closes: <c>BYE text</c>.</summary>
    /// <param name="text">Why the connection closes.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Bye(string text) => Format("BYE ", text);

    /// <summary>The format of message times on the wire: UTC ISO 8601 with milliseconds, e.g. <c>2025-06-01T12:34:56.789Z</c>.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The recipient shown for a broadcast in message records.</summary>
    public const string BroadcastTarget = "*";

    /// <summary>A data line of <c>/history</c>: <c>HIST id utc from -&gt; to: text</c>.</summary>
    /// <param name="id">Server-assigned message id.</param>
    /// <param name="sentUtc">When the server accepted the message.</param>
    /// <param name="from">Sender's nick.</param>
    /// <param name="to">Recipient's nick, or null for a broadcast (shown as <c>*</c>).</param>
    /// <param name="text">Message text.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] History(long id, DateTimeOffset sentUtc, string from, string? to, string text) =>
        Record("HIST ", id, sentUtc, from, to, text);

    /// <summary>A message stored while you were offline, sent at login: <c>MISSED id utc from -&gt; to: text</c>.</summary>
    /// <param name="id">Server-assigned message id.</param>
    /// <param name="sentUtc">When the server accepted the message (its original time).</param>
    /// <param name="from">Sender's nick.</param>
    /// <param name="to">Recipient's nick (yours).</param>
    /// <param name="text">Message text.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Missed(long id, DateTimeOffset sentUtc, string from, string? to, string text) =>
        Record("MISSED ", id, sentUtc, from, to, text);

    /// <summary>What you sent from another connection of your account: <c>ECHO id utc from -&gt; to: text</c>.</summary>
    /// <param name="id">Server-assigned message id.</param>
    /// <param name="sentUtc">When the server accepted the message.</param>
    /// <param name="from">Sender's nick (yours).</param>
    /// <param name="to">Recipient's nick, or null for a broadcast (shown as <c>*</c>).</param>
    /// <param name="text">Message text.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Echo(long id, DateTimeOffset sentUtc, string from, string? to, string text) =>
        Record("ECHO ", id, sentUtc, from, to, text);

    /// <summary>Formats a message time as on the wire (<see cref="TimestampFormat"/>).</summary>
    /// <param name="utc">The time; converted to UTC.</param>
    /// <returns>The text, e.g. <c>2025-06-01T12:34:56.789Z</c>.</returns>
    public static string FormatTimestamp(DateTimeOffset utc) =>
        utc.UtcDateTime.ToString(TimestampFormat, global::System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Record(string token, long id, DateTimeOffset sentUtc, string from, string? to, string text) =>
        Format(token, string.Create(global::System.Globalization.CultureInfo.InvariantCulture,
            $"{id} {FormatTimestamp(sentUtc)} {from} -> {to ?? BroadcastTarget}: "), text);

    private static byte[] Format(string token, string a, string b = "", string c = "")
    {
        var utf8 = Encoding.UTF8;
        var length = token.Length + utf8.GetByteCount(a) + utf8.GetByteCount(b) + utf8.GetByteCount(c) + 1;
        var bytes = new byte[length];
        var written = Encoding.ASCII.GetBytes(token, bytes);
        written += utf8.GetBytes(a, bytes.AsSpan(written));
        written += utf8.GetBytes(b, bytes.AsSpan(written));
        written += utf8.GetBytes(c, bytes.AsSpan(written));
        bytes[written] = (byte)'\n';
        return bytes;
    }
}

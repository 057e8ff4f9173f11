using System.Globalization;
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

    /// <summary>A direct message's confirmation: <c>OK delivered to nick</c>, without an intermediate string.</summary>
    /// <param name="nick">The recipient's nick as shown.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] OkDeliveredTo(string nick) => Format("OK ", "delivered to ", nick);

    /// <summary>A direct message's confirmation for an offline account: <c>OK stored for nick (offline)</c>.</summary>
    /// <param name="nick">The account's nick.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] OkStoredFor(string nick) => Format("OK ", "stored for ", nick, " (offline)");

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

    /// <summary>A message said in a room you are in: <c>RM #room from: text</c>.</summary>
    /// <param name="room">The room.</param>
    /// <param name="from">Sender's nick.</param>
    /// <param name="text">Message text.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] RoomMessage(string room, string from, string text) => Format("RM ", room, " ", from, ": ", text);

    /// <summary>A notice about a room: <c>ROOM #room text</c> (joins, parts, kicks, topic, modes...).</summary>
    /// <param name="room">The room.</param>
    /// <param name="text">What happened.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] RoomNotice(string room, string text) => Format("ROOM ", room, " ", text);

    /// <summary>A room's topic, data line of <c>/join</c> and <c>/topic</c>: <c>TOPIC #room setter time text</c>.</summary>
    /// <param name="room">The room.</param>
    /// <param name="setBy">Who set it.</param>
    /// <param name="setAt">When.</param>
    /// <param name="text">The topic.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Topic(string room, string setBy, DateTimeOffset setAt, string text) =>
        Format("TOPIC ", room, " ", setBy, " ", FormatTime(setAt), " ", text);

    /// <summary>
    /// Room members, data line of <c>/join</c> and <c>/who</c>: <c>MEMBERS #room ~owner @op +voiced member</c>.
    /// </summary>
    /// <param name="room">The room.</param>
    /// <param name="prefixedNicks">Nicks with their role prefix; keep a line to about 100 nicks.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Members(string room, IEnumerable<string> prefixedNicks) => Format("MEMBERS ", room, " ", string.Join(' ', prefixedNicks));

    /// <summary>One room, data line of <c>/rooms</c>: <c>LIST #room members topic</c> (topic may be empty).</summary>
    /// <param name="room">The room.</param>
    /// <param name="members">How many members it has.</param>
    /// <param name="topic">Its topic, or empty.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] RoomListEntry(string room, int members, string topic) =>
        Format("LIST ", room, " ", members.ToString(CultureInfo.InvariantCulture), " ", topic);

    /// <summary>One room ban, data line of <c>/ban #room</c>: <c>BAN #room mask setter time</c>.</summary>
    /// <param name="room">The room.</param>
    /// <param name="mask">The mask.</param>
    /// <param name="setBy">Who set it.</param>
    /// <param name="setAt">When.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Ban(string room, string mask, string setBy, DateTimeOffset setAt) =>
        Format("BAN ", room, " ", mask, " ", setBy, " ", FormatTime(setAt));

    /// <summary>One metric series, data line of <c>/stats</c>: <c>STATS name{labels}  value</c>.</summary>
    /// <param name="text">The series and its value, as <c>parley-server stats</c> prints it.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Stats(string text) => Format("STATS ", text);

    /// <summary>One server-wide ban, data line of <c>/serverban</c>: <c>SERVERBAN mask setter time reason</c>.</summary>
    /// <param name="mask">The address mask.</param>
    /// <param name="setBy">Who set it.</param>
    /// <param name="setAt">When.</param>
    /// <param name="reason">Why, or empty.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] ServerBan(string mask, string setBy, DateTimeOffset setAt, string reason) =>
        Format("SERVERBAN ", mask, " ", setBy, " ", FormatTime(setAt), " ", reason);

    /// <summary>
    /// Data line of <c>/cert list</c>: <c>CERT &lt;fingerprint&gt; &lt;time&gt; [label]</c>, a client
    /// certificate registered to the account, when, and the owner's label for it (omitted when none).
    /// </summary>
    /// <param name="fingerprint">The fingerprint, <c>SHA256:</c> and 64 hex digits.</param>
    /// <param name="addedAt">When it was registered.</param>
    /// <param name="label">The label, or null.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Certificate(string fingerprint, DateTimeOffset addedAt, string? label) =>
        string.IsNullOrEmpty(label)
            ? Format("CERT ", fingerprint, " ", FormatTime(addedAt))
            : Format("CERT ", fingerprint, " ", FormatTime(addedAt), " ", label);

    /// <summary>The format of times on the wire: UTC ISO 8601 with milliseconds, e.g. <c>2025-06-01T12:34:56.789Z</c>.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The recipient shown for a broadcast in message records.</summary>
    public const string BroadcastTarget = "*";

    /// <summary>
    /// A stored message, data line of <c>/history</c> and <c>/join</c>: <c>HIST id utc from -&gt; to: text</c>,
    /// where <c>to</c> is a nick, <c>*</c> for a broadcast, or a <c>#room</c>.
    /// </summary>
    /// <param name="id">Server-assigned message id.</param>
    /// <param name="sentUtc">When the server accepted the message.</param>
    /// <param name="from">Sender's nick.</param>
    /// <param name="to">Recipient's nick or <c>#room</c>, or null for a broadcast (shown as <c>*</c>).</param>
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

    /// <summary>
    /// Your own message: <c>ECHO id utc from -&gt; to: text</c>. A room message comes back to the
    /// connection that said it (and to your account's other connections in the room); a direct
    /// message or broadcast goes to your account's other connections.
    /// </summary>
    /// <param name="id">Server-assigned message id.</param>
    /// <param name="sentUtc">When the server accepted the message.</param>
    /// <param name="from">Sender's nick (yours).</param>
    /// <param name="to">Recipient's nick or <c>#room</c>, or null for a broadcast (shown as <c>*</c>).</param>
    /// <param name="text">Message text.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Echo(long id, DateTimeOffset sentUtc, string from, string? to, string text) =>
        Record("ECHO ", id, sentUtc, from, to, text);

    /// <summary>Formats a time as on the wire (<see cref="TimestampFormat"/>).</summary>
    /// <param name="time">The time; converted to UTC.</param>
    /// <returns>The text, e.g. <c>2025-06-01T12:34:56.789Z</c>.</returns>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    private static byte[] Record(string token, long id, DateTimeOffset sentUtc, string from, string? to, string text) =>
        Format(token, id.ToString(CultureInfo.InvariantCulture), " ", FormatTime(sentUtc), " ", from, " -> ", to ?? BroadcastTarget, ": ", text);

    private static byte[] Format(string token, params ReadOnlySpan<string> parts)
    {
        var utf8 = Encoding.UTF8;
        var length = token.Length + 1;
        foreach (var part in parts)
            length += utf8.GetByteCount(part);
        var bytes = new byte[length];
        var written = Encoding.ASCII.GetBytes(token, bytes);
        foreach (var part in parts)
            written += utf8.GetBytes(part, bytes.AsSpan(written));
        bytes[written] = (byte)'\n';
        return bytes;
    }
}

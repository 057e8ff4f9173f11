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

    /// <summary>Your own room message coming back as confirmation: <c>ECHO #room from: text</c>.</summary>
    /// <param name="room">The room.</param>
    /// <param name="from">Your nick.</param>
    /// <param name="text">Message text.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] Echo(string room, string from, string text) => Format("ECHO ", room, " ", from, ": ", text);

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

    /// <summary>
    /// A stored room message, data line of <c>/join</c> and <c>/history</c>:
    /// <c>HISTORY #room id time from: text</c>.
    /// </summary>
    /// <param name="room">The room.</param>
    /// <param name="id">The message id.</param>
    /// <param name="time">When it was said.</param>
    /// <param name="from">Sender's nick.</param>
    /// <param name="text">Message text.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] History(string room, long id, DateTimeOffset time, string from, string text) =>
        Format("HISTORY ", room, " ", id.ToString(CultureInfo.InvariantCulture), " ", FormatTime(time), " ", from, ": ", text);

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

    /// <summary>One server-wide ban, data line of <c>/serverban</c>: <c>SERVERBAN mask setter time reason</c>.</summary>
    /// <param name="mask">The address mask.</param>
    /// <param name="setBy">Who set it.</param>
    /// <param name="setAt">When.</param>
    /// <param name="reason">Why, or empty.</param>
    /// <returns>The encoded line.</returns>
    public static byte[] ServerBan(string mask, string setBy, DateTimeOffset setAt, string reason) =>
        Format("SERVERBAN ", mask, " ", setBy, " ", FormatTime(setAt), " ", reason);

    /// <summary>Times on the wire: UTC, ISO 8601, milliseconds, e.g. <c>2025-06-01T12:00:00.000Z</c>.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The formatted time.</returns>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

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

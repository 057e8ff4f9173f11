using System.Globalization;

namespace Parley.Protocols.Line;

/// <summary>
/// Parses the lines the server sends (<c>docs/protocol.md</c>, "Server to client").
/// </summary>
/// <remarks>
/// Pure and stateless, so safe to call from any thread. Never throws on content: a line that names no
/// known kind, uses a token in the wrong case, or lacks the parts its kind requires (an <c>ERR</c>
/// without a code, a <c>DM</c> without <c>&lt;from&gt;:</c>) parses as <see cref="ServerLineKind.Unknown"/>.
/// </remarks>
public static class ServerLineParser
{
    /// <summary>Parses one line the server sent.</summary>
    /// <param name="line">The line without its LF; one trailing CR, if any, is ignored.</param>
    /// <returns>The parsed line; <see cref="ServerLineKind.Unknown"/> when it is malformed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="line"/> is <see langword="null"/>.</exception>
    public static ServerLine Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Parse(line.AsSpan(), line);
    }

    /// <summary>Parses one line the server sent.</summary>
    /// <param name="line">The line without its LF; one trailing CR, if any, is ignored.</param>
    /// <returns>The parsed line; <see cref="ServerLineKind.Unknown"/> when it is malformed.</returns>
    public static ServerLine Parse(ReadOnlySpan<char> line) => Parse(line, raw: null);

    private static ServerLine Parse(ReadOnlySpan<char> line, string? raw)
    {
        var rawText = raw ?? line.ToString();
        if (line.EndsWith('\r'))
        {
            line = line[..^1];
        }

        // Every line is "<TOKEN> <rest>"; a bare token has an empty rest.
        var space = line.IndexOf(' ');
        var token = space < 0 ? line : line[..space];
        var rest = space < 0 ? [] : line[(space + 1)..];

        return token switch
        {
            "HELLO" => Simple(ServerLineKind.Hello, rawText, rest),
            "OK" => Simple(ServerLineKind.Ok, rawText, rest),
            "SYS" => Simple(ServerLineKind.System, rawText, rest),
            "HELP" => Simple(ServerLineKind.Help, rawText, rest),
            "BYE" => Simple(ServerLineKind.Bye, rawText, rest),
            "ERR" => ParseError(rawText, rest),
            "DM" => ParseMessage(ServerLineKind.Direct, rawText, rest),
            "BM" => ParseMessage(ServerLineKind.Broadcast, rawText, rest),
            "USERS" => ParseUsers(rawText, rest),
            "RM" => ParseRoomMessage(ServerLineKind.RoomMessage, rawText, rest),
            "ROOM" => ParseRoomText(ServerLineKind.RoomNotice, rawText, rest),
            "BAN" => ParseRoomText(ServerLineKind.Ban, rawText, rest),
            "TOPIC" => ParseTopic(rawText, rest),
            "MEMBERS" => ParseMembers(rawText, rest),
            "LIST" => ParseList(rawText, rest),
            "SERVERBAN" => Simple(ServerLineKind.ServerBan, rawText, rest),
            "CERT" => Simple(ServerLineKind.Certificate, rawText, rest),
            "STATS" => Simple(ServerLineKind.Stats, rawText, rest),
            "HIST" => ParseRecord(ServerLineKind.History, rawText, rest),
            "MISSED" => ParseRecord(ServerLineKind.Missed, rawText, rest),
            "ECHO" => ParseRecord(ServerLineKind.Echo, rawText, rest),
            _ => Unknown(rawText),
        };
    }

    // Splits "#room rest": the room is the first word and must start with '#'.
    private static bool TrySplitRoom(ReadOnlySpan<char> rest, out string room, out ReadOnlySpan<char> after)
    {
        var space = rest.IndexOf(' ');
        var word = space < 0 ? rest : rest[..space];
        after = space < 0 ? [] : rest[(space + 1)..];
        room = word.ToString();
        return word.Length > 1 && word[0] == '#';
    }

    // Splits off one space-separated word.
    private static ReadOnlySpan<char> NextWord(ref ReadOnlySpan<char> rest)
    {
        var space = rest.IndexOf(' ');
        var word = space < 0 ? rest : rest[..space];
        rest = space < 0 ? [] : rest[(space + 1)..];
        return word;
    }

    private static bool TryParseTime(ReadOnlySpan<char> text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    // RM #room <from>: <text>
    private static ServerLine ParseRoomMessage(ServerLineKind kind, string raw, ReadOnlySpan<char> rest)
    {
        if (!TrySplitRoom(rest, out var room, out var after))
            return Unknown(raw);
        var message = ParseMessage(kind, raw, after);
        return message.Kind == ServerLineKind.Unknown ? message : message with { Room = room };
    }

    // ROOM|BAN #room <text>
    private static ServerLine ParseRoomText(ServerLineKind kind, string raw, ReadOnlySpan<char> rest) =>
        TrySplitRoom(rest, out var room, out var after)
            ? new ServerLine(kind, raw) { Room = room, Text = after.ToString() }
            : Unknown(raw);

    // TOPIC #room <setter> <time> <text>
    private static ServerLine ParseTopic(string raw, ReadOnlySpan<char> rest)
    {
        if (!TrySplitRoom(rest, out var room, out var after))
            return Unknown(raw);
        var setter = NextWord(ref after);
        if (setter.IsEmpty || !TryParseTime(NextWord(ref after), out var time))
            return Unknown(raw);
        return new ServerLine(ServerLineKind.Topic, raw) { Room = room, From = setter.ToString(), Time = time, Text = after.ToString() };
    }

    // MEMBERS #room <prefixed nick>...
    private static ServerLine ParseMembers(string raw, ReadOnlySpan<char> rest)
    {
        if (!TrySplitRoom(rest, out var room, out var after))
            return Unknown(raw);
        var text = after.ToString();
        return new ServerLine(ServerLineKind.Members, raw)
        {
            Room = room,
            Text = text,
            Nicks = text.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        };
    }

    // LIST #room <members> <topic>
    private static ServerLine ParseList(string raw, ReadOnlySpan<char> rest)
    {
        if (!TrySplitRoom(rest, out var room, out var after)
            || !int.TryParse(NextWord(ref after), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            return Unknown(raw);
        return new ServerLine(ServerLineKind.RoomList, raw) { Room = room, Count = count, Text = after.ToString() };
    }

    private static ServerLine Simple(ServerLineKind kind, string raw, ReadOnlySpan<char> rest) =>
        new(kind, raw) { Text = rest.ToString() };

    private static ServerLine Unknown(string raw) => new(ServerLineKind.Unknown, raw) { Text = raw };

    // ERR <CODE> <text>: the code is one non-empty word; the text may be empty.
    private static ServerLine ParseError(string raw, ReadOnlySpan<char> rest)
    {
        var space = rest.IndexOf(' ');
        var code = space < 0 ? rest : rest[..space];
        if (code.IsEmpty)
        {
            return Unknown(raw);
        }

        var text = space < 0 ? [] : rest[(space + 1)..];
        return new ServerLine(ServerLineKind.Error, raw) { Code = code.ToString(), Text = text.ToString() };
    }

    // DM|BM <from>: <text>: nicks hold no ':' or spaces, so the first ':' ends the sender.
    private static ServerLine ParseMessage(ServerLineKind kind, string raw, ReadOnlySpan<char> rest)
    {
        var colon = rest.IndexOf(':');
        if (colon <= 0)
        {
            return Unknown(raw);
        }

        var from = rest[..colon];
        if (from.Contains(' '))
        {
            return Unknown(raw);
        }

        var text = rest[(colon + 1)..];
        if (text.StartsWith(' '))
        {
            text = text[1..];
        }

        return new ServerLine(kind, raw) { From = from.ToString(), Text = text.ToString() };
    }

    // HIST|MISSED|ECHO <id> <utc> <from> -> <to>: <text>, <to> a nick, '*' or a #room. Nicks and room
    // names hold no spaces or ':', so the fixed fields end at known separators and the text is
    // everything after "<to>: ".
    private static ServerLine ParseRecord(ServerLineKind kind, string raw, ReadOnlySpan<char> rest)
    {
        if (!TakeWord(ref rest, out var idText) || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !TakeWord(ref rest, out var timeText)
            || !DateTimeOffset.TryParseExact(timeText, LineWriter.TimestampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp)
            || !TakeWord(ref rest, out var from) || from.Contains(':')
            || !TakeWord(ref rest, out var arrow) || !arrow.SequenceEqual("->"))
        {
            return Unknown(raw);
        }

        var colon = rest.IndexOf(':');
        if (colon <= 0 || rest[..colon].Contains(' '))
        {
            return Unknown(raw);
        }

        var text = rest[(colon + 1)..];
        if (text.StartsWith(' '))
        {
            text = text[1..];
        }

        var to = rest[..colon].ToString();
        return new ServerLine(kind, raw)
        {
            MessageId = id,
            Time = timestamp,
            From = from.ToString(),
            To = to,
            Room = to.Length > 1 && to[0] == '#' ? to : null,
            Text = text.ToString(),
        };
    }

    private static bool TakeWord(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> word)
    {
        var space = rest.IndexOf(' ');
        if (space <= 0)
        {
            word = default;
            return false;
        }

        word = rest[..space];
        rest = rest[(space + 1)..];
        return true;
    }

    private static ServerLine ParseUsers(string raw, ReadOnlySpan<char> rest)
    {
        var text = rest.ToString();
        var nicks = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new ServerLine(ServerLineKind.Users, raw) { Text = text, Nicks = nicks };
    }
}

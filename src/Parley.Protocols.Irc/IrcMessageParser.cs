using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace Parley.Protocols.Irc;

/// <summary>
/// Parses one IRC line (without CR LF, as <see cref="IrcFramer"/> yields it) into an
/// <see cref="IrcMessage"/>: <c>['@' tags SPACE] [':' source SPACE] command *(SPACE param)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Tolerant where the spec or practice asks for it: several spaces between parts count as one;
/// spaces at the end of a line without a trailing parameter are ignored; empty tags
/// (<c>a;;b</c>) are skipped; tag keys are not checked against the IRCv3 key grammar (the spec
/// forbids rejecting a message for its key names); a repeated tag key keeps its last value; past
/// 14 middle parameters the 15th takes the rest of the line, as RFC 2812's grammar says. Verbs
/// are upper-cased.
/// </para>
/// <para>
/// Strict where safety needs it: NUL, CR and LF inside a line, and bytes that are not UTF-8,
/// give an error status, so everything after the parser is a valid .NET string without control
/// characters that would end a line. Never throws on any input.
/// </para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class IrcMessageParser
{
    // Most lines carry one of these verbs: looking the command up returns the literal string
    // instead of allocating a new one per message.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownCommands = FrozenSet.Create(
        StringComparer.Ordinal,
        "PRIVMSG", "NOTICE", "TAGMSG", "JOIN", "PART", "QUIT", "NICK", "USER", "PASS", "CAP", "AUTHENTICATE",
        "PING", "PONG", "MODE", "TOPIC", "NAMES", "LIST", "WHO", "WHOIS", "WHOWAS", "AWAY", "ISON",
        "USERHOST", "KICK", "INVITE", "MOTD", "LUSERS", "VERSION", "ERROR", "BATCH", "CHATHISTORY",
        "MONITOR", "SETNAME", "OPER", "KILL", "WALLOPS", "HELP", "INFO", "TIME", "ADMIN", "STATS")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Parses one line from a framer.</summary>
    /// <param name="line">The line without CR LF.</param>
    /// <param name="message">The message when the result is <see cref="IrcParseStatus.Success"/>, otherwise null.</param>
    /// <param name="maxTagBytes">Longest tag section with <c>@</c> and its space; defaults to <see cref="IrcLimits.MaxTagBytes"/>.</param>
    /// <param name="maxLineBytes">Longest rest of the line counting CR LF; defaults to <see cref="IrcLimits.MaxLineBytes"/>.</param>
    /// <returns><see cref="IrcParseStatus.Success"/> or why the line was refused. Never throws.</returns>
    public static IrcParseStatus TryParse(
        in ReadOnlySequence<byte> line,
        out IrcMessage? message,
        int maxTagBytes = IrcLimits.MaxTagBytes,
        int maxLineBytes = IrcLimits.MaxLineBytes)
    {
        if (line.IsSingleSegment)
            return TryParse(line.FirstSpan, out message, maxTagBytes, maxLineBytes);

        // Check the length before copying: a line may be no longer than both limits together.
        message = null;
        if (line.Length > (long)maxTagBytes + maxLineBytes)
            return line.FirstSpan.Length > 0 && line.FirstSpan[0] == (byte)'@' ? IrcParseStatus.TagsTooLong : IrcParseStatus.LineTooLong;

        var length = (int)line.Length;
        byte[]? rented = null;
        var copy = length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            line.CopyTo(copy);
            return TryParse(copy[..length], out message, maxTagBytes, maxLineBytes);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Parses one line.</summary>
    /// <param name="line">The line without CR LF.</param>
    /// <param name="message">The message when the result is <see cref="IrcParseStatus.Success"/>, otherwise null.</param>
    /// <param name="maxTagBytes">Longest tag section with <c>@</c> and its space; defaults to <see cref="IrcLimits.MaxTagBytes"/>.</param>
    /// <param name="maxLineBytes">Longest rest of the line counting CR LF; defaults to <see cref="IrcLimits.MaxLineBytes"/>.</param>
    /// <returns><see cref="IrcParseStatus.Success"/> or why the line was refused. Never throws.</returns>
    public static IrcParseStatus TryParse(
        ReadOnlySpan<byte> line,
        out IrcMessage? message,
        int maxTagBytes = IrcLimits.MaxTagBytes,
        int maxLineBytes = IrcLimits.MaxLineBytes)
    {
        message = null;

        // Limits first, before anything is decoded or allocated.
        var bodyStart = 0;
        var tagSection = ReadOnlySpan<byte>.Empty;
        if (!line.IsEmpty && line[0] == (byte)'@')
        {
            var space = line.IndexOf((byte)' ');
            var tagEnd = space < 0 ? line.Length : space;
            if (tagEnd + 1 > maxTagBytes)
                return IrcParseStatus.TagsTooLong;
            tagSection = line[1..tagEnd];
            bodyStart = space < 0 ? line.Length : space + 1;
        }

        if (line.Length - bodyStart > maxLineBytes - 2)
            return IrcParseStatus.LineTooLong;
        if (line.IndexOfAnyExcept((byte)' ') < 0)
            return IrcParseStatus.Empty;
        if (line.ContainsAny(IrcSyntax.ForbiddenBytes))
            return IrcParseStatus.InvalidCharacter;
        if (!Utf8.IsValid(line))
            return IrcParseStatus.InvalidUtf8;

        var tags = ImmutableArray<IrcTag>.Empty;
        if (!tagSection.IsEmpty)
        {
            var tagStatus = ParseTags(tagSection, out tags);
            if (tagStatus != IrcParseStatus.Success)
                return tagStatus;
        }

        var position = SkipSpaces(line, bodyStart);
        string? source = null;
        if (position < line.Length && line[position] == (byte)':')
        {
            var sourceEnd = TokenEnd(line, position + 1);
            if (sourceEnd == position + 1)
                return IrcParseStatus.InvalidSource;
            source = Encoding.UTF8.GetString(line[(position + 1)..sourceEnd]);
            position = SkipSpaces(line, sourceEnd);
        }

        if (position >= line.Length)
            return IrcParseStatus.MissingCommand;
        var commandEnd = TokenEnd(line, position);
        var commandBytes = line[position..commandEnd];
        if (!IrcSyntax.IsValidCommand(commandBytes))
            return IrcParseStatus.InvalidCommand;
        var command = CommandString(commandBytes);

        // At most 15 parameters, so their bounds fit on the stack.
        Span<Range> bounds = stackalloc Range[IrcLimits.MaxParameters];
        var count = 0;
        position = commandEnd;
        while (true)
        {
            position = SkipSpaces(line, position);
            if (position >= line.Length)
                break;
            if (line[position] == (byte)':')
            {
                bounds[count++] = new Range(position + 1, line.Length);
                break;
            }

            if (count == IrcLimits.MaxParameters - 1)
            {
                // RFC 2812 §2.3.1: after 14 middle parameters the rest is the trailing one, ':' or not.
                bounds[count++] = new Range(position, line.Length);
                break;
            }

            var end = TokenEnd(line, position);
            bounds[count++] = new Range(position, end);
            position = end;
        }

        var parameters = new string[count];
        for (var i = 0; i < count; i++)
            parameters[i] = Encoding.UTF8.GetString(line[bounds[i]]);

        message = new IrcMessage(tags, source, command, ImmutableCollectionsMarshal.AsImmutableArray(parameters));
        return IrcParseStatus.Success;
    }

    /// <summary>
    /// Reads just the command of a line that may not parse, e.g. to answer
    /// <c>FAIL &lt;command&gt; INVALID_UTF8</c> or <see cref="IrcNumerics.ERR_INPUTTOOLONG"/>.
    /// </summary>
    /// <param name="line">The line without CR LF.</param>
    /// <returns>The upper-cased command when one can be found (ASCII letters or three digits), otherwise null.</returns>
    public static string? PeekCommand(ReadOnlySpan<byte> line)
    {
        var position = 0;
        if (!line.IsEmpty && line[0] == (byte)'@')
            position = TokenEnd(line, 0);
        position = SkipSpaces(line, position);
        if (position < line.Length && line[position] == (byte)':')
            position = SkipSpaces(line, TokenEnd(line, position));
        if (position >= line.Length)
            return null;
        var command = line[position..TokenEnd(line, position)];
        return IrcSyntax.IsValidCommand(command) ? CommandString(command) : null;
    }

    /// <summary>
    /// Reads the tags and the command word of a line that <see cref="TryParse(ReadOnlySpan{byte}, out IrcMessage?, int, int)"/>
    /// refused as <see cref="IrcParseStatus.InvalidCommand"/> (<c>FOO_BAR</c>), so a server can answer
    /// 421 ERR_UNKNOWNCOMMAND with the request's label.
    /// </summary>
    /// <param name="line">The line without CR LF; already checked for length and UTF-8 by TryParse.</param>
    /// <param name="tags">The line's tags (empty when they do not parse).</param>
    /// <param name="command">The command word as sent, upper-cased (ASCII).</param>
    /// <returns>False when there is no command word.</returns>
    public static bool TryReadInvalidCommand(ReadOnlySpan<byte> line, out ImmutableArray<IrcTag> tags, out string command)
    {
        tags = [];
        command = "";
        var position = 0;
        if (!line.IsEmpty && line[0] == (byte)'@')
        {
            position = TokenEnd(line, 0);
            if (ParseTags(line[1..position], out var parsed) == IrcParseStatus.Success)
                tags = parsed;
        }

        position = SkipSpaces(line, position);
        if (position < line.Length && line[position] == (byte)':')
            position = SkipSpaces(line, TokenEnd(line, position));
        if (position >= line.Length || !Utf8.IsValid(line))
            return false;
        command = Encoding.UTF8.GetString(line[position..TokenEnd(line, position)]).ToUpperInvariant();
        return command.Length > 0;
    }

    private static IrcParseStatus ParseTags(ReadOnlySpan<byte> section, out ImmutableArray<IrcTag> tags)
    {
        tags = [];
        var list = new List<IrcTag>();
        Dictionary<string, int>? index = null;
        foreach (var range in section.Split((byte)';'))
        {
            var item = section[range];
            if (item.IsEmpty)
                continue;
            var equals = item.IndexOf((byte)'=');
            var key = equals < 0 ? item : item[..equals];
            if (key.IsEmpty)
                return IrcParseStatus.InvalidTags;
            var value = equals < 0 ? string.Empty : UnescapeValue(item[(equals + 1)..]);
            if (list.Count == 16 && index is null)
            {
                index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < list.Count; i++)
                    index[list[i].Key] = i;
            }

            IrcTagList.AddOrReplace(list, new IrcTag(Encoding.UTF8.GetString(key), value), index);
        }

        tags = ImmutableCollectionsMarshal.AsImmutableArray(list.ToArray());
        return IrcParseStatus.Success;
    }

    private static string UnescapeValue(ReadOnlySpan<byte> escaped)
    {
        if (escaped.IsEmpty)
            return string.Empty;
        var text = Encoding.UTF8.GetString(escaped);
        return text.Contains('\\', StringComparison.Ordinal) ? IrcTagEscaping.Unescape(text) : text;
    }

    private static string CommandString(ReadOnlySpan<byte> command)
    {
        // Commands are ASCII (checked), at most one line long: upper-case on the stack, then look
        // for a known verb before allocating.
        Span<char> upper = command.Length <= 32 ? stackalloc char[32] : new char[command.Length];
        upper = upper[..command.Length];
        Ascii.ToUpper(command, upper, out _);
        return KnownCommands.TryGetValue(upper, out var known) ? known : upper.ToString();
    }

    private static int SkipSpaces(ReadOnlySpan<byte> line, int position)
    {
        var next = line[position..].IndexOfAnyExcept((byte)' ');
        return next < 0 ? line.Length : position + next;
    }

    private static int TokenEnd(ReadOnlySpan<byte> line, int position)
    {
        var space = line[position..].IndexOf((byte)' ');
        return space < 0 ? line.Length : position + space;
    }
}

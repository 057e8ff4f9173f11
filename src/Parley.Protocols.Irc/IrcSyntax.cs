using System.Buffers;

namespace Parley.Protocols.Irc;

/// <summary>The grammar's character rules, shared by the parser, the message and the formatter.</summary>
internal static class IrcSyntax
{
    /// <summary>NUL, CR and LF: never allowed inside a message (RFC 1459 §2.3.1).</summary>
    public static readonly SearchValues<char> Forbidden = SearchValues.Create("\0\r\n");

    /// <summary>What a middle parameter or source may not contain: the forbidden characters and space.</summary>
    public static readonly SearchValues<char> ForbiddenInToken = SearchValues.Create("\0\r\n ");

    /// <summary>What a tag key may not contain: the forbidden characters, space and the tag delimiters.</summary>
    public static readonly SearchValues<char> ForbiddenInTagKey = SearchValues.Create("\0\r\n ;=");

    /// <summary>The characters a tag value escapes (IRCv3 message-tags, "Escaping values").</summary>
    public static readonly SearchValues<char> EscapedInTagValue = SearchValues.Create("; \\\r\n");

    public static readonly SearchValues<byte> ForbiddenBytes = SearchValues.Create("\0\r\n"u8);

    /// <summary>A command is one or more ASCII letters, or exactly three ASCII digits.</summary>
    public static bool IsValidCommand(ReadOnlySpan<char> command) =>
        command.Length == 3 && char.IsAsciiDigit(command[0]) && char.IsAsciiDigit(command[1]) && char.IsAsciiDigit(command[2])
        || IsLetters(command);

    /// <inheritdoc cref="IsValidCommand(ReadOnlySpan{char})"/>
    public static bool IsValidCommand(ReadOnlySpan<byte> command)
    {
        if (command.Length == 3 && char.IsAsciiDigit((char)command[0]) && char.IsAsciiDigit((char)command[1]) && char.IsAsciiDigit((char)command[2]))
            return true;
        if (command.IsEmpty)
            return false;
        foreach (var b in command)
        {
            if (!char.IsAsciiLetter((char)b))
                return false;
        }

        return true;
    }

    public static bool IsNumeric(string command) => command.Length == 3 && char.IsAsciiDigit(command[0]);

    /// <summary>
    /// The last parameter needs a <c>:</c> before it when it is empty, holds a space or starts
    /// with <c>:</c>; otherwise it would be read as nothing, several parameters or a trailing one.
    /// </summary>
    public static bool NeedsColon(string lastParameter) =>
        lastParameter.Length == 0 || lastParameter[0] == ':' || lastParameter.Contains(' ', StringComparison.Ordinal);

    public static bool IsValidMiddle(string parameter) =>
        parameter.Length > 0 && parameter[0] != ':' && !parameter.AsSpan().ContainsAny(ForbiddenInToken);

    public static bool IsValidTrailing(string parameter) => !parameter.AsSpan().ContainsAny(Forbidden);

    public static bool IsValidSource(string source) => source.Length > 0 && !source.AsSpan().ContainsAny(ForbiddenInToken);

    public static bool IsValidTagKey(string key) => key.Length > 0 && !key.AsSpan().ContainsAny(ForbiddenInTagKey);

    public static bool IsValidTagValue(string value) => !value.Contains('\0', StringComparison.Ordinal);

    private static bool IsLetters(ReadOnlySpan<char> command)
    {
        if (command.IsEmpty)
            return false;
        foreach (var c in command)
        {
            if (!char.IsAsciiLetter(c))
                return false;
        }

        return true;
    }

    /// <summary>Throws when the pieces cannot form a message (see <see cref="IrcMessage"/>).</summary>
    public static void Validate(ReadOnlySpan<IrcTag> tags, string? source, string command, ReadOnlySpan<string> parameters)
    {
        foreach (var tag in tags)
        {
            if (tag.Key is null || !IsValidTagKey(tag.Key))
                throw new ArgumentException($"Tag key '{tag.Key}' is empty or holds a space, ';', '=', NUL, CR or LF.", nameof(tags));
            if (tag.Value is null || !IsValidTagValue(tag.Value))
                throw new ArgumentException($"Tag '{tag.Key}' has a null value or one holding NUL.", nameof(tags));
        }

        if (source is not null && !IsValidSource(source))
            throw new ArgumentException("The source is empty or holds a space, NUL, CR or LF.", nameof(source));
        ArgumentNullException.ThrowIfNull(command);
        if (!IsValidCommand(command.AsSpan()))
            throw new ArgumentException($"Command '{command}' is neither ASCII letters nor three digits.", nameof(command));
        if (parameters.Length > IrcLimits.MaxParameters)
            throw new ArgumentException($"{parameters.Length} parameters; IRC allows at most {IrcLimits.MaxParameters}.", nameof(parameters));
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i] ?? throw new ArgumentException($"Parameter {i} is null.", nameof(parameters));
            if (i < parameters.Length - 1 ? !IsValidMiddle(parameter) : !IsValidTrailing(parameter))
            {
                throw new ArgumentException(
                    i < parameters.Length - 1
                        ? $"Parameter {i} is not the last, so it must be non-empty, hold no space, NUL, CR or LF and not start with ':'."
                        : "The last parameter holds NUL, CR or LF.",
                    nameof(parameters));
            }
        }
    }
}

using System.Buffers;
using System.Text;

namespace Parley.Protocols.Irc;

/// <summary>
/// Formats messages as UTF-8 lines ending in CR LF: <c>[@tags ][:source ]COMMAND[ params][ :trailing]</c>.
/// Tag values are escaped; the last parameter gets a <c>:</c> when it is empty, holds a space or
/// starts with <c>:</c>. Arrays returned are fresh, so one may be shared by any number of
/// recipients (encode once, send to all).
/// </summary>
/// <remarks>
/// The formatter neither truncates nor enforces <see cref="IrcLimits.MaxLineBytes"/>: fitting
/// text into a line is the caller's job, with <see cref="IrcTextSplitter"/>. Ill-formed UTF-16
/// (a lone surrogate) is written as U+FFFD. Stateless and thread-safe.
/// </remarks>
public static class IrcMessageFormatter
{
    /// <summary>Formats a message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The line's bytes, CR LF included.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static byte[] Format(IrcMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var bytes = new byte[GetByteCount(message)];
        WriteCore(message.Tags.AsSpan(), message.Source, message.Command, message.Parameters.AsSpan(), bytes);
        return bytes;
    }

    /// <summary>Formats a message from its pieces without building an <see cref="IrcMessage"/>.</summary>
    /// <param name="source">The source without <c>:</c>, or null; rules as for <see cref="IrcMessage"/>.</param>
    /// <param name="command">A verb of ASCII letters (written upper-cased) or a three-digit numeric.</param>
    /// <param name="parameters">The parameters; rules as for <see cref="IrcMessage"/>.</param>
    /// <returns>The line's bytes, CR LF included.</returns>
    /// <exception cref="ArgumentException">
    /// A piece has no wire form: a middle parameter that is empty, holds a space or starts with
    /// <c>:</c>; CR, LF or NUL anywhere; a bad command or source; more than 15 parameters.
    /// </exception>
    public static byte[] Format(string? source, string command, params ReadOnlySpan<string> parameters) =>
        FormatWithTags([], source, command, parameters);

    /// <summary>
    /// Formats a message whose source is a user's <c>nick!user@host</c>, given as its three parts:
    /// the same bytes as <see cref="FormatWithTags"/> with the joined mask, without building it.
    /// </summary>
    /// <param name="tags">The tags, each key once; values are escaped here.</param>
    /// <param name="nick">The source's nick, not empty.</param>
    /// <param name="user">The source's user name.</param>
    /// <param name="host">The source's host.</param>
    /// <param name="command">A verb of ASCII letters (written upper-cased) or a three-digit numeric.</param>
    /// <param name="parameters">The parameters.</param>
    /// <returns>The line's bytes, CR LF included.</returns>
    /// <exception cref="ArgumentException">A piece has no wire form (see <see cref="Format(string?, string, ReadOnlySpan{string})"/>); a part of the source holds a space, NUL, CR or LF.</exception>
    public static byte[] FormatFromUser(
        ReadOnlySpan<IrcTag> tags, string nick, string user, string host, string command, params ReadOnlySpan<string> parameters)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(host);
        IrcSyntax.Validate(tags, nick, command, parameters);
        if (user.AsSpan().ContainsAny(IrcSyntax.ForbiddenInToken) || host.AsSpan().ContainsAny(IrcSyntax.ForbiddenInToken))
            throw new ArgumentException("The source's user or host holds a space, NUL, CR or LF.", nameof(user));
        var bytes = new byte[GetByteCountCore(tags, nick, command, parameters, user, host)];
        WriteCore(tags, nick, command, parameters, bytes, user, host);
        return bytes;
    }

    /// <summary>Formats a message with tags from its pieces.</summary>
    /// <param name="tags">The tags, each key once; values are escaped here.</param>
    /// <param name="source">The source without <c>:</c>, or null.</param>
    /// <param name="command">A verb of ASCII letters (written upper-cased) or a three-digit numeric.</param>
    /// <param name="parameters">The parameters.</param>
    /// <returns>The line's bytes, CR LF included.</returns>
    /// <exception cref="ArgumentException">A piece has no wire form (see <see cref="Format(string?, string, ReadOnlySpan{string})"/>).</exception>
    public static byte[] FormatWithTags(ReadOnlySpan<IrcTag> tags, string? source, string command, params ReadOnlySpan<string> parameters)
    {
        IrcSyntax.Validate(tags, source, command, parameters);
        var bytes = new byte[GetByteCountCore(tags, source, command, parameters)];
        WriteCore(tags, source, command, parameters, bytes);
        return bytes;
    }

    /// <summary>Bytes <paramref name="message"/> takes on the wire, tags and CR LF included.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The byte count.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static int GetByteCount(IrcMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return GetByteCountCore(message.Tags.AsSpan(), message.Source, message.Command, message.Parameters.AsSpan());
    }

    /// <summary>Writes <paramref name="message"/> into <paramref name="destination"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">At least <see cref="GetByteCount"/> bytes.</param>
    /// <returns>The bytes written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public static int Write(IrcMessage message, Span<byte> destination)
    {
        var count = GetByteCount(message);
        if (destination.Length < count)
            throw new ArgumentException($"The message takes {count} bytes; the destination has {destination.Length}.", nameof(destination));
        return WriteCore(message.Tags.AsSpan(), message.Source, message.Command, message.Parameters.AsSpan(), destination);
    }

    /// <summary>Writes <paramref name="message"/> to <paramref name="writer"/> (e.g. a <c>PipeWriter</c>) and advances it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="writer">The buffer writer.</param>
    /// <returns>The bytes written.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static int Write(IrcMessage message, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var count = GetByteCount(message);
        var written = WriteCore(message.Tags.AsSpan(), message.Source, message.Command, message.Parameters.AsSpan(), writer.GetSpan(count));
        writer.Advance(written);
        return written;
    }

    private static int GetByteCountCore(ReadOnlySpan<IrcTag> tags, string? source, string command, ReadOnlySpan<string> parameters, string? sourceUser = null, string? sourceHost = null)
    {
        var utf8 = Encoding.UTF8;
        var count = 0;
        if (!tags.IsEmpty)
        {
            count += 1 + tags.Length; // '@', then ';' between tags and the space after them
            foreach (var tag in tags)
                count += utf8.GetByteCount(tag.Key) + (tag.Value.Length == 0 ? 0 : 1 + IrcTagEscaping.GetEscapedByteCount(tag.Value));
        }

        if (source is not null)
            count += 2 + utf8.GetByteCount(source); // ':' and the space
        if (sourceUser is not null)
            count += 1 + utf8.GetByteCount(sourceUser); // '!'
        if (sourceHost is not null)
            count += 1 + utf8.GetByteCount(sourceHost); // '@'
        count += command.Length; // ASCII
        for (var i = 0; i < parameters.Length; i++)
        {
            count += 1 + utf8.GetByteCount(parameters[i]);
            if (i == parameters.Length - 1 && IrcSyntax.NeedsColon(parameters[i]))
                count++;
        }

        return count + 2; // CR LF
    }

    private static int WriteCore(ReadOnlySpan<IrcTag> tags, string? source, string command, ReadOnlySpan<string> parameters, Span<byte> destination, string? sourceUser = null, string? sourceHost = null)
    {
        var utf8 = Encoding.UTF8;
        var at = 0;
        if (!tags.IsEmpty)
        {
            destination[at++] = (byte)'@';
            for (var i = 0; i < tags.Length; i++)
            {
                if (i > 0)
                    destination[at++] = (byte)';';
                at += utf8.GetBytes(tags[i].Key, destination[at..]);
                if (tags[i].Value.Length > 0)
                {
                    destination[at++] = (byte)'=';
                    at += IrcTagEscaping.WriteEscaped(tags[i].Value, destination[at..]);
                }
            }

            destination[at++] = (byte)' ';
        }

        if (source is not null)
        {
            destination[at++] = (byte)':';
            at += utf8.GetBytes(source, destination[at..]);
            if (sourceUser is not null)
            {
                destination[at++] = (byte)'!';
                at += utf8.GetBytes(sourceUser, destination[at..]);
            }

            if (sourceHost is not null)
            {
                destination[at++] = (byte)'@';
                at += utf8.GetBytes(sourceHost, destination[at..]);
            }

            destination[at++] = (byte)' ';
        }

        Ascii.ToUpper(command, destination[at..], out var commandBytes);
        at += commandBytes;
        for (var i = 0; i < parameters.Length; i++)
        {
            destination[at++] = (byte)' ';
            if (i == parameters.Length - 1 && IrcSyntax.NeedsColon(parameters[i]))
                destination[at++] = (byte)':';
            at += utf8.GetBytes(parameters[i], destination[at..]);
        }

        destination[at++] = (byte)'\r';
        destination[at++] = (byte)'\n';
        return at;
    }
}

using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace Parley.Protocols.Irc;

/// <summary>
/// One IRC message: optional IRCv3 tags, an optional source, a command and up to 15 parameters
/// (RFC 1459 §2.3, RFC 2812 §2.3, IRCv3 message-tags). Immutable, so one instance may be shared.
/// </summary>
/// <remarks>
/// Every instance can be formatted: the constructor refuses pieces that have no wire form
/// (see <see cref="IrcMessage(string?, string, IEnumerable{string})"/>), and the parser only
/// produces such pieces. Thread-safe (immutable).
/// </remarks>
public sealed class IrcMessage : IEquatable<IrcMessage>
{
    /// <summary>Creates a message without tags.</summary>
    /// <param name="source">
    /// The prefix without its <c>:</c>: <c>nick!user@host</c>, a nick or a server name; null for
    /// none. Must be non-empty and hold no space, NUL, CR or LF.
    /// </param>
    /// <param name="command">A verb of ASCII letters (stored upper-cased) or a three-digit numeric.</param>
    /// <param name="parameters">
    /// At most <see cref="IrcLimits.MaxParameters"/> parameters. All but the last must be
    /// non-empty, hold no space and not start with <c>:</c>; the last may be anything without NUL,
    /// CR or LF (the formatter puts a <c>:</c> before it when needed).
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> or <paramref name="parameters"/> is null.</exception>
    /// <exception cref="ArgumentException">A piece breaks the rules above.</exception>
    public IrcMessage(string? source, string command, params IEnumerable<string> parameters)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(parameters);
        var array = parameters.ToArray();
        IrcSyntax.Validate([], source, command, array);
        Tags = [];
        Source = source;
        Command = command.ToUpperInvariant();
        Parameters = ImmutableCollectionsMarshal.AsImmutableArray(array);
    }

    /// <summary>Creates a message from pieces already known to be valid (the parser's path).</summary>
    internal IrcMessage(ImmutableArray<IrcTag> tags, string? source, string command, ImmutableArray<string> parameters)
    {
        Tags = tags;
        Source = source;
        Command = command;
        Parameters = parameters;
    }

    /// <summary>
    /// The tags in the order received, each key at most once (for a repeated key the last value
    /// wins, as IRCv3 says); empty when none.
    /// </summary>
    public ImmutableArray<IrcTag> Tags { get; }

    /// <summary>The source (prefix) without its <c>:</c>, or null when the message has none.</summary>
    public string? Source { get; }

    /// <summary>The command: an upper-case verb such as <c>PRIVMSG</c>, or a numeric such as <c>001</c>.</summary>
    public string Command { get; }

    /// <summary>The parameters; a trailing parameter is the last one, without its <c>:</c>.</summary>
    public ImmutableArray<string> Parameters { get; }

    /// <summary>Whether <see cref="Command"/> is a three-digit numeric reply.</summary>
    public bool IsNumeric => IrcSyntax.IsNumeric(Command);

    /// <summary>The parameter at <paramref name="index"/>, or null when there are not that many.</summary>
    /// <param name="index">Zero-based index.</param>
    /// <returns>The parameter or null.</returns>
    public string? GetParameter(int index) => (uint)index < (uint)Parameters.Length ? Parameters[index] : null;

    /// <summary>Looks a tag up by its key (case-sensitive, as IRCv3 requires).</summary>
    /// <param name="key">The tag key, with any <c>+</c> prefix.</param>
    /// <param name="value">The unescaped value (empty for a tag without one) when found.</param>
    /// <returns><see langword="true"/> when the message has the tag.</returns>
    public bool TryGetTag(string key, out string value)
    {
        foreach (var tag in Tags)
        {
            if (string.Equals(tag.Key, key, StringComparison.Ordinal))
            {
                value = tag.Value;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Returns a copy with these tags instead of the current ones.</summary>
    /// <param name="tags">
    /// The tags; keys non-empty without space, <c>;</c>, <c>=</c>, NUL, CR or LF, values without
    /// NUL. A repeated key keeps its first position and its last value.
    /// </param>
    /// <returns>The new message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tags"/> is null.</exception>
    /// <exception cref="ArgumentException">A tag breaks the rules above.</exception>
    public IrcMessage WithTags(IEnumerable<IrcTag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var list = new List<IrcTag>();
        foreach (var tag in tags)
            IrcTagList.AddOrReplace(list, tag);
        var array = list.ToArray();
        IrcSyntax.Validate(array, null, Command, []);
        return new IrcMessage(ImmutableCollectionsMarshal.AsImmutableArray(array), Source, Command, Parameters);
    }

    /// <summary>Returns a copy with another source.</summary>
    /// <param name="source">The new source, or null for none; rules as in the constructor.</param>
    /// <returns>The new message.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is empty or holds a space, NUL, CR or LF.</exception>
    public IrcMessage WithSource(string? source)
    {
        IrcSyntax.Validate([], source, Command, []);
        return new IrcMessage(Tags, source, Command, Parameters);
    }

    /// <inheritdoc/>
    public bool Equals(IrcMessage? other) =>
        other is not null
        && string.Equals(Source, other.Source, StringComparison.Ordinal)
        && string.Equals(Command, other.Command, StringComparison.Ordinal)
        && Parameters.AsSpan().SequenceEqual(other.Parameters.AsSpan())
        && Tags.AsSpan().SequenceEqual(other.Tags.AsSpan());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IrcMessage other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Source, StringComparer.Ordinal);
        hash.Add(Command, StringComparer.Ordinal);
        foreach (var parameter in Parameters)
            hash.Add(parameter, StringComparer.Ordinal);
        foreach (var tag in Tags)
            hash.Add(tag);
        return hash.ToHashCode();
    }

    /// <summary>The message as it goes on the wire, without the CR LF; for logs and debugging.</summary>
    /// <returns>The formatted line.</returns>
    public override string ToString()
    {
        var bytes = IrcMessageFormatter.Format(this);
        return Encoding.UTF8.GetString(bytes, 0, bytes.Length - 2);
    }
}

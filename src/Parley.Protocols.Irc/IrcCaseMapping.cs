namespace Parley.Protocols.Irc;

/// <summary>
/// IRC casemapping: how nicks and channel names compare (the <c>CASEMAPPING</c> token of
/// <see cref="IrcNumerics.RPL_ISUPPORT"/>). Use an instance as the comparer of a dictionary
/// keyed by nick or channel.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Ascii"/> folds only A-Z to a-z. <see cref="Rfc1459"/> also treats <c>[\]^</c> and
/// <c>{|}~</c> as upper and lower case of each other (RFC 1459 §2.2, from the Scandinavian origin
/// of IRC); <see cref="StrictRfc1459"/> the same without <c>^</c>/<c>~</c>. Anything outside ASCII is
/// compared as is. Parley's nicks are ASCII letters, digits, <c>_</c> and <c>-</c>, so Parley
/// advertises <c>CASEMAPPING=ascii</c>; the others are here for clients and bridges.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class IrcCaseMapping : IEqualityComparer<string>
{
    private readonly char _lastUpperPunctuation;

    private IrcCaseMapping(string name, char lastUpperPunctuation)
    {
        Name = name;
        _lastUpperPunctuation = lastUpperPunctuation;
    }

    /// <summary><c>ascii</c>: A-Z equal a-z.</summary>
    public static IrcCaseMapping Ascii { get; } = new("ascii", '\0');

    /// <summary><c>rfc1459</c>: A-Z and <c>[\]^</c> equal a-z and <c>{|}~</c>.</summary>
    public static IrcCaseMapping Rfc1459 { get; } = new("rfc1459", '^');

    /// <summary><c>strict-rfc1459</c>: A-Z and <c>[\]</c> equal a-z and <c>{|}</c>.</summary>
    public static IrcCaseMapping StrictRfc1459 { get; } = new("strict-rfc1459", ']');

    /// <summary>The name advertised as <c>CASEMAPPING=</c> in ISUPPORT.</summary>
    public string Name { get; }

    /// <summary>Looks a mapping up by its ISUPPORT name.</summary>
    /// <param name="name">The <c>CASEMAPPING</c> value, e.g. <c>rfc1459</c>.</param>
    /// <returns>The mapping, or null for a name not known here.</returns>
    public static IrcCaseMapping? FromName(string? name) => name switch
    {
        "ascii" => Ascii,
        "rfc1459" => Rfc1459,
        "strict-rfc1459" => StrictRfc1459,
        _ => null,
    };

    /// <summary>The lower-case form of one character under this mapping.</summary>
    /// <param name="c">A character.</param>
    /// <returns>Its lower case, or itself.</returns>
    public char ToLower(char c)
    {
        if (char.IsAsciiLetterUpper(c))
            return (char)(c + 32);

        // '[' '\' ']' '^' (0x5B-0x5E) and '{' '|' '}' '~' (0x7B-0x7E) are 32 apart, like the
        // letters, and fold the same way, as the ircd lower-case tables do; the mappings differ
        // only in how far along that run they go. (Docs that call '~' the upper case of '^' give
        // the same equality, since only which of the two a string folds to differs.)
        if (c >= '[' && c <= _lastUpperPunctuation)
            return (char)(c + 32);
        return c;
    }

    /// <summary>The lower-case (folded) form of <paramref name="value"/>, e.g. as a dictionary key.</summary>
    /// <param name="value">A nick or channel name.</param>
    /// <returns>The folded string; the same instance when nothing changes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public string ToLower(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var i = 0;
        while (i < value.Length && ToLower(value[i]) == value[i])
            i++;
        if (i == value.Length)
            return value;
        return string.Create(value.Length, (value, this, i), static (span, state) =>
        {
            state.value.AsSpan().CopyTo(span);
            for (var j = state.i; j < span.Length; j++)
                span[j] = state.Item2.ToLower(span[j]);
        });
    }

    /// <inheritdoc/>
    public bool Equals(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
            return true;
        if (x is null || y is null || x.Length != y.Length)
            return false;
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] != y[i] && ToLower(x[i]) != ToLower(y[i]))
                return false;
        }

        return true;
    }

    /// <inheritdoc/>
    public int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        foreach (var c in obj)
            hash.Add(ToLower(c));
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

namespace Parley.Core.Presence;

/// <summary>What a nick may be (docs/protocol.md): 1-32 ASCII letters, digits, <c>_</c> and <c>-</c>.</summary>
/// <remarks>Nicks never start with <c>#</c>, which keeps <c>#name</c> free for rooms.</remarks>
public static class NickRules
{
    /// <summary>Longest nick, in characters.</summary>
    public const int MaxLength = 32;

    /// <summary>Nicks compare case-insensitively (ASCII), as the seeds lowercased them.</summary>
    public static StringComparer Comparer { get; } = StringComparer.OrdinalIgnoreCase;

    /// <summary>Whether <paramref name="nick"/> is a valid nick.</summary>
    /// <param name="nick">Candidate nick.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValid(ReadOnlySpan<char> nick)
    {
        if (nick.IsEmpty || nick.Length > MaxLength)
            return false;
        foreach (var c in nick)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                return false;
        }

        return true;
    }
}

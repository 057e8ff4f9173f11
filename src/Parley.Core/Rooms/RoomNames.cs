namespace Parley.Core.Rooms;

/// <summary>
/// What a room name may be (docs/protocol.md, "Rooms"): <c>#</c> followed by 1-50 ASCII letters,
/// digits, <c>_</c>, <c>-</c> and <c>.</c>. Names compare case-insensitively, like nicks.
/// </summary>
/// <remarks>Nicks never start with <c>#</c>, so a name is never mistaken for a nick.</remarks>
public static class RoomNames
{
    /// <summary>Longest name after the <c>#</c>, in characters.</summary>
    public const int MaxLength = 50;

    /// <summary>Room names compare case-insensitively (ASCII): <c>#Dev</c> is <c>#dev</c>.</summary>
    public static StringComparer Comparer { get; } = StringComparer.OrdinalIgnoreCase;

    /// <summary>Whether <paramref name="name"/> is a valid room name, <c>#</c> included.</summary>
    /// <param name="name">Candidate name.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValid(ReadOnlySpan<char> name)
    {
        if (name.Length < 2 || name.Length > MaxLength + 1 || name[0] != '#')
            return false;
        foreach (var c in name[1..])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                return false;
        }

        return true;
    }
}

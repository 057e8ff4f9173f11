namespace Parley.Core.Moderation;

/// <summary>
/// A server-wide ban by address: <see cref="Mask"/> is an IP address or a wildcard mask of one
/// (<c>203.0.113.7</c>, <c>10.0.*</c>, <c>2001:db8:*</c>). Bans by account come with accounts.
/// </summary>
/// <param name="Mask">The address mask as set.</param>
/// <param name="SetBy">The server operator who set it.</param>
/// <param name="SetAt">When, in UTC.</param>
/// <param name="Reason">Why; shown to the banned connection. Null when none was given.</param>
public sealed record ServerBan(string Mask, string SetBy, DateTimeOffset SetAt, string? Reason)
{
    /// <summary>Longest mask, in characters.</summary>
    public const int MaxLength = 100;

    /// <summary>Whether <paramref name="mask"/> is a valid address mask: no spaces, at most <see cref="MaxLength"/>.</summary>
    /// <param name="mask">Candidate mask.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValid(ReadOnlySpan<char> mask) =>
        !mask.IsEmpty && mask.Length <= MaxLength && !mask.ContainsAny(' ', '\t', '@');

    /// <summary>Whether the ban covers <paramref name="address"/>.</summary>
    /// <param name="address">A peer address without port.</param>
    /// <returns>True on a match.</returns>
    public bool Matches(string address) => Glob.IsMatch(Mask, address);
}

namespace Parley.Core.Moderation;

/// <summary>
/// A server-wide ban: by address, where <see cref="Mask"/> is an IP address or a wildcard mask of
/// one (<c>203.0.113.7</c>, <c>10.0.*</c>, <c>2001:db8:*</c>), or by account, written
/// <c>~name</c> with the same wildcards (<c>~bob</c>, <c>~spam*</c>).
/// </summary>
/// <param name="Mask">The mask as set.</param>
/// <param name="SetBy">The server operator who set it.</param>
/// <param name="SetAt">When, in UTC.</param>
/// <param name="Reason">Why; shown to the banned connection. Null when none was given.</param>
public sealed record ServerBan(string Mask, string SetBy, DateTimeOffset SetAt, string? Reason)
{
    /// <summary>Longest mask, in characters.</summary>
    public const int MaxLength = 100;

    /// <summary>True for a ban by account (<c>~name</c>).</summary>
    public bool IsAccountBan => BanMask.IsAccountMask(Mask);

    /// <summary>
    /// Whether <paramref name="mask"/> is valid: an address mask (no spaces or <c>@</c>, at most
    /// <see cref="MaxLength"/>), or <c>~</c> and a nick mask.
    /// </summary>
    /// <param name="mask">Candidate mask.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValid(ReadOnlySpan<char> mask) =>
        BanMask.IsAccountMask(mask)
            ? BanMask.IsValid(mask)
            : !mask.IsEmpty && mask.Length <= MaxLength && !mask.ContainsAny(' ', '\t', '@');

    /// <summary>Whether the ban covers <paramref name="address"/>.</summary>
    /// <param name="address">A peer address without port.</param>
    /// <returns>True on a match; always false for a ban by account.</returns>
    public bool Matches(string address) => !IsAccountBan && Glob.IsMatch(Mask, address);

    /// <summary>Whether the ban covers the account <paramref name="account"/>.</summary>
    /// <param name="account">An account's name (its nick).</param>
    /// <returns>True on a match; always false for a ban by address.</returns>
    public bool MatchesAccount(string account) => BanMask.MatchesAccount(Mask, account);
}

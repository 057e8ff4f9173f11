using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Moderation;

/// <summary>
/// A ban in a room: <c>nickmask</c> or <c>nickmask@addressmask</c>, with <c>*</c> and <c>?</c>
/// wildcards (<c>spam*</c>, <c>*@10.0.0.*</c>, <c>bob</c>), or <c>~accountmask</c> (<c>~bob</c>,
/// <c>~spam*</c>), which matches only sessions logged in to a matching account, whatever their
/// address.
/// </summary>
/// <param name="Mask">The mask as set.</param>
/// <param name="SetBy">Who set it.</param>
/// <param name="SetAt">When, in UTC.</param>
public sealed record BanMask(string Mask, string SetBy, DateTimeOffset SetAt)
{
    /// <summary>Longest mask, in characters.</summary>
    public const int MaxLength = 100;

    /// <summary>The prefix of a ban by account: <c>~bob</c>.</summary>
    public const char AccountPrefix = '~';

    /// <summary>True for a ban by account (<c>~name</c>).</summary>
    public bool IsAccountBan => IsAccountMask(Mask);

    /// <summary>Whether <paramref name="mask"/> is a ban by account (<c>~name</c>).</summary>
    /// <param name="mask">A mask.</param>
    /// <returns>True when it starts with <see cref="AccountPrefix"/>.</returns>
    public static bool IsAccountMask(ReadOnlySpan<char> mask) => mask.Length > 0 && mask[0] == AccountPrefix;

    /// <summary>Whether <paramref name="mask"/> is a valid ban mask.</summary>
    /// <param name="mask">Candidate mask.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValid(ReadOnlySpan<char> mask)
    {
        if (mask.IsEmpty || mask.Length > MaxLength)
            return false;
        if (IsAccountMask(mask))
            return IsNickPattern(mask[1..]);
        var at = mask.IndexOf('@');
        var nick = at < 0 ? mask : mask[..at];
        if (!IsNickPattern(nick))
            return false;
        if (at < 0)
            return true;
        var address = mask[(at + 1)..];
        return !address.IsEmpty && !address.ContainsAny(' ', '@', '\t');
    }

    /// <summary>Whether the ban applies to <paramref name="session"/>.</summary>
    /// <param name="session">A registered session.</param>
    /// <returns>
    /// For a ban by account, true when the session is logged in to a matching account; otherwise
    /// true when its nick (and address, when the mask has one) match.
    /// </returns>
    public bool Matches(ChatSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (IsAccountBan)
            return session.IsLoggedIn && MatchesAccount(Mask, session.AccountName!);
        return Matches(Mask, session.Nick ?? "", session.Address);
    }

    /// <summary>Whether <paramref name="mask"/> matches a nick and address.</summary>
    /// <param name="mask">A valid mask that is not a ban by account.</param>
    /// <param name="nick">The nick.</param>
    /// <param name="address">The peer's address without port.</param>
    /// <returns>True on a match; false for a ban by account.</returns>
    public static bool Matches(string mask, string nick, string address)
    {
        ArgumentNullException.ThrowIfNull(mask);
        if (IsAccountMask(mask))
            return false;
        var at = mask.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
            return Glob.IsMatch(mask, nick);
        return Glob.IsMatch(mask.AsSpan(0, at), nick) && Glob.IsMatch(mask.AsSpan(at + 1), address);
    }

    /// <summary>Whether the account mask <paramref name="mask"/> (<c>~name</c>) matches an account.</summary>
    /// <param name="mask">A mask; false unless it is a ban by account.</param>
    /// <param name="account">The account's name (its nick).</param>
    /// <returns>True on a match.</returns>
    public static bool MatchesAccount(string mask, string account)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(account);
        return IsAccountMask(mask) && Glob.IsMatch(mask.AsSpan(1), account);
    }

    /// <summary>Whether two masks are the same ban (case-insensitive).</summary>
    /// <param name="other">The other mask text.</param>
    /// <returns>True when equal ignoring case.</returns>
    public bool IsSameMask(string other) => NickRules.Comparer.Equals(Mask, other);

    private static bool IsNickPattern(ReadOnlySpan<char> nick)
    {
        if (nick.IsEmpty)
            return false;
        foreach (var c in nick)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '*' or '?'))
                return false;
        }

        return true;
    }
}

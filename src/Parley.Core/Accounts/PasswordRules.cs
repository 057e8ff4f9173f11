namespace Parley.Core.Accounts;

/// <summary>What a password may be (docs/protocol.md, "Accounts").</summary>
public static class PasswordRules
{
    /// <summary>
    /// Default shortest password, in characters: 8, the floor NIST SP 800-63B sets for user-chosen
    /// secrets. The server's is <see cref="AccountOptions.MinPasswordLength"/>.
    /// </summary>
    public const int MinLength = 8;

    /// <summary>
    /// Longest password, in characters: 128. Long enough for any passphrase or password manager,
    /// short enough that hashing an attacker's megabyte line costs nothing extra.
    /// </summary>
    public const int MaxLength = 128;

    /// <summary>
    /// Whether <paramref name="password"/> is acceptable: <paramref name="minLength"/>-128 characters,
    /// no spaces or control characters.
    /// </summary>
    /// <param name="password">Candidate password.</param>
    /// <param name="minLength">The shortest allowed, <see cref="AccountOptions.MinPasswordLength"/> (default 8).</param>
    /// <returns>True when acceptable.</returns>
    /// <remarks>
    /// Spaces are excluded because the line protocol separates arguments by spaces
    /// (<c>/passwd &lt;old&gt; &lt;new&gt;</c>).
    /// </remarks>
    public static bool IsAcceptable(ReadOnlySpan<char> password, int minLength = MinLength)
    {
        if (password.Length < minLength || password.Length > MaxLength)
            return false;
        foreach (var c in password)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
                return false;
        }

        return true;
    }

    /// <summary>The rule in words, for error replies.</summary>
    /// <param name="minLength">The shortest allowed.</param>
    /// <returns>E.g. "a password is 8-128 characters without spaces".</returns>
    public static string Describe(int minLength) => $"a password is {minLength}-{MaxLength} characters without spaces";

    /// <summary>The default rule in words.</summary>
    public static string Description { get; } = Describe(MinLength);
}

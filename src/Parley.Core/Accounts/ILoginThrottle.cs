namespace Parley.Core.Accounts;

/// <summary>
/// Port: limits failed logins per account and per remote address, so guessing passwords is slow
/// while the owner, who gets it right, is not held up by failures on other accounts.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public interface ILoginThrottle
{
    /// <summary>Whether a login attempt on <paramref name="nick"/> from <paramref name="remoteAddress"/> may go ahead.</summary>
    /// <param name="nick">The nick tried, any case.</param>
    /// <param name="remoteAddress">The peer's address, with or without a port.</param>
    /// <returns>Null when allowed; otherwise how long to wait before trying again.</returns>
    TimeSpan? RetryAfter(string nick, string remoteAddress);

    /// <summary>Counts a failed attempt against both the account and the address.</summary>
    /// <param name="nick">The nick tried, any case.</param>
    /// <param name="remoteAddress">The peer's address, with or without a port.</param>
    void RecordFailure(string nick, string remoteAddress);
}

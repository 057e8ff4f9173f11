namespace Parley.Core.Accounts.Throttling;

/// <summary>One reserved (or refused) login attempt, from <see cref="ILoginThrottle.Reserve"/>.</summary>
/// <param name="IsGranted">Whether the attempt may go ahead.</param>
/// <param name="RetryAfter">When refused: how long until an attempt would be granted.</param>
/// <param name="Delay">When granted: how long to wait before checking the password (zero unless the account is under attack).</param>
/// <param name="AccountKey">The account's key, for <see cref="ILoginThrottle.Complete"/>.</param>
/// <param name="AddressKey">The address's key, for <see cref="ILoginThrottle.Complete"/>.</param>
public readonly record struct LoginReservation(bool IsGranted, TimeSpan RetryAfter, TimeSpan Delay, string AccountKey, string AddressKey)
{
    /// <summary>A refusal.</summary>
    /// <param name="retryAfter">How long until an attempt would be granted.</param>
    /// <returns>The reservation.</returns>
    public static LoginReservation Refused(TimeSpan retryAfter) => new(false, retryAfter, TimeSpan.Zero, "", "");
}

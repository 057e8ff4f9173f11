namespace Parley.Core.Accounts.Throttling;

/// <summary>
/// The login throttle (docs/security.md, "Logins and registrations"): failed attempts are
/// limited per (account, address) and per address, and refused beyond; failures on an account
/// from everywhere together only slow its attempts down (a delay before the check, at most
/// <see cref="AccountOptions.MaxLoginDelay"/>), never refuse them. So an attacker cannot lock the
/// owner out: the owner's address has failures of its own only.
/// </summary>
/// <remarks>
/// Thread-safe: one lock around the three bucket sets, held for a few dictionary operations per
/// attempt (logins are rare next to messages). Permits are taken in <see cref="Reserve"/>, before
/// the password is hashed, and given back by <see cref="Complete"/> on success, so concurrent
/// guesses cannot get more checks than the limits.
/// </remarks>
public sealed class LoginThrottle : ILoginThrottle
{
    private readonly Lock _lock = new();
    private readonly LeakyBuckets _byAccountAndAddress;
    private readonly LeakyBuckets _byAddress;
    private readonly LeakyBuckets _byAccount;
    private readonly TimeSpan _maxDelay;

    /// <summary>Creates the throttle.</summary>
    /// <param name="options">The limits, already validated.</param>
    /// <param name="time">The clock.</param>
    public LoginThrottle(AccountOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _byAccountAndAddress = new LeakyBuckets(options.MaxFailedLoginsPerAccountAndAddress, options.FailedLoginWindow, time);
        _byAddress = new LeakyBuckets(options.MaxFailedLoginsPerAddress, options.FailedLoginWindow, time);
        _byAccount = new LeakyBuckets(options.MaxFailedLoginsPerAccount, options.FailedLoginWindow, time);
        _maxDelay = options.MaxLoginDelay;
    }

    /// <inheritdoc />
    public LoginReservation Reserve(string account, string remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(remoteAddress);
        var accountKey = ThrottleKeys.Account(account);
        var addressKey = ThrottleKeys.Address(remoteAddress);
        var pairKey = PairKey(accountKey, addressKey);
        lock (_lock)
        {
            if (!_byAccountAndAddress.TryAdd(pairKey, out var retryAfter))
                return LoginReservation.Refused(retryAfter);
            if (!_byAddress.TryAdd(addressKey, out retryAfter))
            {
                _byAccountAndAddress.Remove(pairKey);
                return LoginReservation.Refused(retryAfter);
            }

            var delay = _byAccount.Add(accountKey, _maxDelay);
            return new LoginReservation(true, TimeSpan.Zero, delay, accountKey, addressKey);
        }
    }

    /// <inheritdoc />
    public void Complete(LoginReservation reservation, bool failed)
    {
        if (!reservation.IsGranted || failed)
            return;
        lock (_lock)
        {
            _byAccountAndAddress.Remove(PairKey(reservation.AccountKey, reservation.AddressKey));
            _byAddress.Remove(reservation.AddressKey);
            _byAccount.Remove(reservation.AccountKey);
        }
    }

    // Nicks hold no space, so "account address" is unambiguous.
    private static string PairKey(string accountKey, string addressKey) => accountKey + " " + addressKey;
}

namespace Parley.Core.Accounts.Throttling;

/// <summary>
/// Limits new accounts per address (IPv6: per /64) and server-wide, each per
/// <see cref="AccountOptions.RegistrationWindow"/> (docs/security.md). An attempt takes its permits
/// before its password is hashed and keeps them whatever the outcome, since the hash was spent.
/// </summary>
/// <remarks>Thread-safe: one lock around both bucket sets.</remarks>
public sealed class RegistrationThrottle
{
    private const string ServerKey = "*";
    private readonly Lock _lock = new();
    private LeakyBuckets _byAddress;
    private LeakyBuckets _server;
    private AccountOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the throttle.</summary>
    /// <param name="options">The limits, already validated.</param>
    /// <param name="time">The clock.</param>
    public RegistrationThrottle(AccountOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        _byAddress = new LeakyBuckets(options.MaxRegistrationsPerAddress, options.RegistrationWindow, time);
        _server = new LeakyBuckets(options.MaxRegistrations, options.RegistrationWindow, time);
    }

    /// <summary>Takes a permit for one registration from <paramref name="remoteAddress"/>.</summary>
    /// <param name="remoteAddress">The peer's address, with or without a port.</param>
    /// <param name="retryAfter">When refused: how long until one would be allowed.</param>
    /// <returns>Whether the registration may go ahead.</returns>
    public bool TryReserve(string remoteAddress, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(remoteAddress);
        var addressKey = ThrottleKeys.Address(remoteAddress);
        lock (_lock)
        {
            if (!_byAddress.TryAdd(addressKey, out retryAfter))
                return false;
            if (_server.TryAdd(ServerKey, out retryAfter))
                return true;
            _byAddress.Remove(addressKey);
            return false;
        }
    }

    /// <summary>
    /// Takes new limits (a configuration reload): when <see cref="AccountOptions.MaxRegistrationsPerAddress"/>,
    /// <see cref="AccountOptions.MaxRegistrations"/> or <see cref="AccountOptions.RegistrationWindow"/>
    /// changed, the counts start afresh under them; otherwise nothing changes.
    /// </summary>
    /// <param name="options">The new limits, already validated.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public void Reconfigure(AccountOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_lock)
        {
            if (options.MaxRegistrationsPerAddress == _options.MaxRegistrationsPerAddress
                && options.MaxRegistrations == _options.MaxRegistrations
                && options.RegistrationWindow == _options.RegistrationWindow)
                return;
            _byAddress = new LeakyBuckets(options.MaxRegistrationsPerAddress, options.RegistrationWindow, _time);
            _server = new LeakyBuckets(options.MaxRegistrations, options.RegistrationWindow, _time);
            _options = options;
        }
    }
}

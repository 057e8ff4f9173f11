using System.Net;
using System.Threading.RateLimiting;
using Parley.Core.Accounts;

namespace Parley.Server.Security;

/// <summary>
/// Failed-login limits with <see cref="System.Threading.RateLimiting"/>: one token bucket per
/// account and one per remote IP address. Only failures take tokens, so a user who gets the
/// password right is never slowed by anyone's failures on other accounts; an empty bucket
/// refuses further attempts until it refills (<see cref="AccountOptions.FailedLoginWindow"/>).
/// </summary>
/// <remarks>Thread-safe. Idle buckets are dropped by the partitioned limiters themselves.</remarks>
internal sealed class RateLimitedLoginThrottle : ILoginThrottle, IDisposable
{
    private readonly PartitionedRateLimiter<string> _byAccount;
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly AccountOptions _options;

    public RateLimitedLoginThrottle(AccountOptions options)
    {
        _options = options;
        _byAccount = Create(options.MaxFailedLoginsPerAccount, options.FailedLoginWindow);
        _byAddress = Create(options.MaxFailedLoginsPerAddress, options.FailedLoginWindow);
    }

    public TimeSpan? RetryAfter(string nick, string remoteAddress)
    {
        var account = Probe(_byAccount, AccountKey(nick));
        var address = Probe(_byAddress, AddressKey(remoteAddress));
        return (account, address) switch
        {
            (null, null) => null,
            ({ } a, { } b) => a > b ? a : b,
            _ => account ?? address,
        };
    }

    public void RecordFailure(string nick, string remoteAddress)
    {
        _byAccount.AttemptAcquire(AccountKey(nick)).Dispose();
        _byAddress.AttemptAcquire(AddressKey(remoteAddress)).Dispose();
    }

    public void Dispose()
    {
        _byAccount.Dispose();
        _byAddress.Dispose();
    }

    // "Is a whole token left?" without taking one. Not AttemptAcquire(0): a token bucket refills
    // in fractions between periods, and a zero-permit probe succeeds on any fraction above 0.
    private TimeSpan? Probe(PartitionedRateLimiter<string> limiter, string key) =>
        limiter.GetStatistics(key) is { CurrentAvailablePermits: < 1 } ? _options.FailedLoginWindow : null;

    private static string AccountKey(string nick) => nick.ToLowerInvariant();

    // "127.0.0.1:54321" and "[::1]:5000" count per address, not per connection.
    private static string AddressKey(string remoteAddress) =>
        IPEndPoint.TryParse(remoteAddress, out var endpoint) ? endpoint.Address.ToString() : remoteAddress;

    private static PartitionedRateLimiter<string> Create(int failures, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = failures,
            TokensPerPeriod = failures,
            ReplenishmentPeriod = window,
            AutoReplenishment = true,
            QueueLimit = 0,
        }));
}

using System.Threading.RateLimiting;

namespace Parley.FrontEnds.Connections;

/// <summary>
/// One connection's flood control: a <see cref="TokenBucketRateLimiter"/> and a count of recent refusals.
/// </summary>
/// <remarks>
/// Not thread-safe: only the connection's read loop calls it. The bucket does not replenish on a
/// timer (thousands of connections would mean thousands of timers); <see cref="Check"/> asks it
/// to replenish first, and it adds tokens for the time elapsed since the last call.
/// </remarks>
internal sealed class FloodGate : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;
    private readonly FloodOptions _options;
    private readonly TimeProvider _time;
    private long _windowStart;
    private int _refusals;

    public FloodGate(FloodOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / options.MessagesPerSecond),
            AutoReplenishment = false,
            QueueLimit = 0,
        });
    }

    /// <summary>Takes a token for one command.</summary>
    /// <param name="retryAfter">On refusal, how long until a token is back.</param>
    /// <returns>Whether to run the command, refuse it, or close the connection.</returns>
    public FloodVerdict Check(out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        _bucket.TryReplenish();
        using var lease = _bucket.AttemptAcquire(1);
        if (lease.IsAcquired)
            return FloodVerdict.Allowed;

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : _bucket.ReplenishmentPeriod;
        var now = _time.GetTimestamp();
        if (_refusals == 0 || _time.GetElapsedTime(_windowStart, now) > _options.RefusalWindow)
        {
            _windowStart = now;
            _refusals = 0;
        }

        _refusals++;
        return _options.DisconnectAfterRefusals > 0 && _refusals >= _options.DisconnectAfterRefusals
            ? FloodVerdict.Abusive
            : FloodVerdict.Refused;
    }

    /// <summary>
    /// Takes a token if one is there, without counting a refusal (IRC's fakelag: the caller waits
    /// <paramref name="retryAfter"/> and asks again, instead of refusing the command).
    /// </summary>
    /// <param name="retryAfter">When no token was there, how long until one is back.</param>
    /// <returns>True when a token was taken.</returns>
    public bool TryTake(out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        _bucket.TryReplenish();
        using var lease = _bucket.AttemptAcquire(1);
        if (lease.IsAcquired)
            return true;
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : _bucket.ReplenishmentPeriod;
        return false;
    }

    public void Dispose() => _bucket.Dispose();
}

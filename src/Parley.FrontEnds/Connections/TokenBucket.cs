namespace Parley.FrontEnds.Connections;

/// <summary>
/// A token bucket that refills lazily, by the time elapsed on a <see cref="TimeProvider"/> since it
/// was last asked: <c>capacity</c> tokens at most, <c>perSecond</c> tokens a second, fractions kept.
/// No timer: thousands of connections hold thousands of buckets.
/// </summary>
/// <remarks>
/// <para>Not thread-safe: its owner (one connection's read loop) calls it.</para>
/// <para>Own code rather than System.Threading.RateLimiting's <c>TokenBucketRateLimiter</c>
/// (which this replaces, with the same lazy fractional refill and retry figure), because that one
/// reads <c>Stopwatch</c> time and takes no <see cref="TimeProvider"/>, so flood control could not
/// be tested on a fake clock. One difference: a full bucket stamps the time too, so a quiet spell
/// gives exactly <c>capacity</c> tokens, as <see cref="FloodOptions.Burst"/> documents (the
/// limiter kept the stamp of its last refill while full and credited the quiet spell to the next
/// refill: one token more).</para>
/// </remarks>
internal sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly double _capacity;
    private readonly double _perSecond;
    private double _tokens;
    private long _stamp;

    /// <summary>Creates a full bucket.</summary>
    /// <param name="capacity">Tokens it holds when full; at least 1.</param>
    /// <param name="perSecond">Tokens refilled per second; above 0.</param>
    /// <param name="time">The clock (the server's, or a fake one in tests).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public TokenBucket(int capacity, double perSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(perSecond, 0);
        _time = time;
        _capacity = capacity;
        _perSecond = perSecond;
        _tokens = capacity;
        _stamp = time.GetTimestamp();
        RefillPeriod = TimeSpan.FromSeconds(1 / perSecond);
    }

    /// <summary>The time one token takes to come back: 1 / <c>perSecond</c>.</summary>
    public TimeSpan RefillPeriod { get; }

    /// <summary>Refills by the time elapsed, then takes one token if there is one.</summary>
    /// <param name="retryAfter">
    /// When none was there, <see cref="RefillPeriod"/>: the rate limiter's figure, which clients
    /// were told (<c>retry in &lt;n&gt; ms</c>); a token may be back sooner. Zero otherwise.
    /// </param>
    /// <returns>True when a token was taken.</returns>
    public bool TryTake(out TimeSpan retryAfter)
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(_capacity, _tokens + (_time.GetElapsedTime(_stamp, now).TotalSeconds * _perSecond));
        _stamp = now;
        if (_tokens >= 1)
        {
            _tokens -= 1;
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = RefillPeriod;
        return false;
    }
}

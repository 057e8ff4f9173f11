namespace Parley.FrontEnds.Connections;

/// <summary>
/// One connection's flood control: a <see cref="TokenBucket"/> and a count of recent refusals,
/// both on the front-end's <see cref="TimeProvider"/> (the server's clock; a fake one in tests).
/// </summary>
/// <remarks>
/// Not thread-safe: only the connection's read loop calls it. The bucket does not replenish on a
/// timer (thousands of connections would mean thousands of timers); each call adds the tokens
/// for the time elapsed since the last one.
/// </remarks>
internal sealed class FloodGate
{
    private readonly TokenBucket _bucket;
    private readonly FloodOptions _options;
    private readonly TimeProvider _time;
    private long _windowStart;
    private int _refusals;

    /// <summary>Creates the gate with a full bucket.</summary>
    /// <param name="options">The limits, validated and enabled (<see cref="FloodOptions.IsEnabled"/>).</param>
    /// <param name="time">The clock for the refill and the refusal window.</param>
    public FloodGate(FloodOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _bucket = new TokenBucket(options.Burst, options.MessagesPerSecond, time);
    }

    /// <summary>Takes a token for one command.</summary>
    /// <param name="retryAfter">On refusal, how long until a token is back.</param>
    /// <returns>Whether to run the command, refuse it, or close the connection.</returns>
    public FloodVerdict Check(out TimeSpan retryAfter)
    {
        if (_bucket.TryTake(out retryAfter))
            return FloodVerdict.Allowed;

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
    public bool TryTake(out TimeSpan retryAfter) => _bucket.TryTake(out retryAfter);
}

namespace Parley.Core.Rooms;

/// <summary>
/// Assigns message ids: the UTC time in milliseconds since 1970 times 1,000, plus a sequence
/// number for messages in the same millisecond. Ids increase in time, survive restarts without a
/// store lookup (as long as the clock does not step back by more than the downtime), and read as a
/// rough timestamp. Up to 1,000 ids per millisecond stay exact; beyond that ids borrow from the
/// next millisecond, still unique and increasing.
/// </summary>
/// <remarks>Thread-safe and lock-free.</remarks>
/// <param name="time">The clock.</param>
/// <param name="lastStored">
/// The largest id already stored (0 when none): every id returned is greater, even when the clock
/// stepped back across a restart.
/// </param>
public sealed class MessageIds(TimeProvider time, long lastStored = 0)
{
    private long _last = lastStored;

    /// <summary>The next id, greater than every id this instance returned before.</summary>
    /// <returns>The id.</returns>
    public long Next()
    {
        var floor = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        while (true)
        {
            var last = Volatile.Read(ref _last);
            var next = Math.Max(last + 1, floor);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
                return next;
        }
    }
}

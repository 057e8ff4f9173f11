namespace Parley.Core.Accounts.Throttling;

/// <summary>
/// Counters per key that drain at a steady rate (a leaky bucket each): <c>capacity</c> units
/// drain in <c>window</c>. A key's entry exists only while its level is above zero, so memory
/// follows the attempts of the last window, not every key ever seen.
/// </summary>
/// <remarks>
/// Not thread-safe: the owner (the login and registration throttles)
/// calls it under its lock. Own code rather than System.Threading.RateLimiting's token buckets,
/// because those read the system clock (no <see cref="TimeProvider"/>) and cannot give a permit
/// back, and a login that turns out right must give back the permit it took before hashing.
/// </remarks>
internal sealed class LeakyBuckets
{
    // Below this many keys nothing is pruned; above it, every PruneEvery-th operation drops the
    // drained entries (O(keys), amortised over the operations).
    private const int PruneAbove = 1024;
    private const int PruneEvery = 256;

    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly double _capacity;
    private readonly double _perSecond;
    private int _operations;

    /// <summary>Creates the set.</summary>
    /// <param name="capacity">Units a key may hold; at least 1.</param>
    /// <param name="window">How long a full bucket takes to drain; positive.</param>
    /// <param name="time">The clock.</param>
    public LeakyBuckets(int capacity, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _capacity = capacity;
        _perSecond = capacity / window.TotalSeconds;
        _time = time;
    }

    /// <summary>Keys currently held (for tests and metrics).</summary>
    public int Count => _buckets.Count;

    /// <summary>Adds one unit when it fits under the capacity.</summary>
    /// <param name="key">The key.</param>
    /// <param name="retryAfter">When refused: how long until one unit fits again (the real time left).</param>
    /// <returns>Whether the unit was added.</returns>
    public bool TryAdd(string key, out TimeSpan retryAfter)
    {
        var bucket = Drained(key);
        if (bucket.Level + 1 > _capacity + 1e-9)
        {
            retryAfter = Seconds(bucket.Level + 1 - _capacity);
            return false;
        }

        bucket.Level += 1;
        retryAfter = TimeSpan.Zero;
        return true;
    }

    /// <summary>
    /// Adds one unit whatever the level (never refuses) and says how long the caller should wait
    /// so that units beyond the capacity are spread at the drain rate.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="maxWait">The longest wait returned; the level is capped to match, so an end to the flood ends the waits soon.</param>
    /// <returns>Zero while under the capacity; otherwise the wait, at most <paramref name="maxWait"/>.</returns>
    public TimeSpan Add(string key, TimeSpan maxWait)
    {
        var bucket = Drained(key);
        var cap = _capacity + (maxWait.TotalSeconds * _perSecond);
        bucket.Level = Math.Min(bucket.Level + 1, cap);
        var over = bucket.Level - _capacity;
        if (over <= 0)
            return TimeSpan.Zero;
        var wait = Seconds(over);
        return wait > maxWait ? maxWait : wait;
    }

    /// <summary>Takes one unit back (a permit that turned out not to count).</summary>
    /// <param name="key">The key.</param>
    public void Remove(string key)
    {
        var bucket = Drained(key);
        bucket.Level = Math.Max(0, bucket.Level - 1);
        if (bucket.Level <= 0)
            _buckets.Remove(key);
    }

    private Bucket Drained(string key)
    {
        var now = _time.GetTimestamp();
        if (++_operations % PruneEvery == 0 && _buckets.Count > PruneAbove)
            Prune(now);
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new Bucket { Stamp = now };
            _buckets[key] = bucket;
            return bucket;
        }

        bucket.Level = Math.Max(0, bucket.Level - (_time.GetElapsedTime(bucket.Stamp, now).TotalSeconds * _perSecond));
        bucket.Stamp = now;
        return bucket;
    }

    private void Prune(long now)
    {
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.Level - (_time.GetElapsedTime(bucket.Stamp, now).TotalSeconds * _perSecond) <= 0)
                _buckets.Remove(key);
        }
    }

    private TimeSpan Seconds(double units) => TimeSpan.FromSeconds(units / _perSecond);

    private sealed class Bucket
    {
        public double Level;
        public long Stamp;
    }
}

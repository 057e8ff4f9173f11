using System.Numerics;

namespace Parley.LoadGen.Measuring;

/// <summary>
/// Log-linear latency histogram: exact to the microsecond below 128 µs, then 64 buckets per
/// octave (a bucket is at most 1/64 = 1.6 % wide), up to about 2^46 µs. Fixed size, no allocation
/// per value.
/// </summary>
/// <remarks>Not thread-safe: each connection's reader loop records into its own, merged at the end.</remarks>
internal sealed class LatencyHistogram
{
    private const int Linear = 128;
    private const int PerOctave = 64;
    private const int Octaves = 40;
    private readonly long[] _counts = new long[Linear + (Octaves * PerOctave)];
    private long _maxNanoseconds;
    private double _sumNanoseconds;

    /// <summary>Values recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Largest value in milliseconds, NaN when empty.</summary>
    public double MaxMilliseconds => Count == 0 ? double.NaN : _maxNanoseconds / 1e6;

    /// <summary>Mean in milliseconds, NaN when empty.</summary>
    public double MeanMilliseconds => Count == 0 ? double.NaN : _sumNanoseconds / Count / 1e6;

    /// <summary>Records one latency; negative values count as 0.</summary>
    public void Record(long nanoseconds)
    {
        if (nanoseconds < 0)
            nanoseconds = 0;
        Count++;
        _sumNanoseconds += nanoseconds;
        if (nanoseconds > _maxNanoseconds)
            _maxNanoseconds = nanoseconds;
        _counts[Index(nanoseconds / 1000)]++;
    }

    /// <summary>Adds another histogram's values to this one.</summary>
    public void Merge(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
            _counts[i] += other._counts[i];
        Count += other.Count;
        _sumNanoseconds += other._sumNanoseconds;
        if (other._maxNanoseconds > _maxNanoseconds)
            _maxNanoseconds = other._maxNanoseconds;
    }

    /// <summary>
    /// The nearest-rank percentile <paramref name="percent"/> (0-100] in milliseconds: the middle
    /// of the bucket holding that rank, never above the maximum. NaN when empty.
    /// </summary>
    public double PercentileMilliseconds(double percent)
    {
        if (Count == 0)
            return double.NaN;
        var rank = Math.Max(1, SortedPercentile.Rank(percent, Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
                return Math.Min(BucketMiddleMicroseconds(i) / 1000.0, _maxNanoseconds / 1e6);
        }

        return _maxNanoseconds / 1e6;
    }

    private static int Index(long microseconds)
    {
        if (microseconds < Linear)
            return (int)microseconds;
        var log = 63 - BitOperations.LeadingZeroCount((ulong)microseconds); // >= 7
        var shift = log - 6;
        var sub = (int)(microseconds >> shift) - PerOctave;
        return Math.Min(Linear + ((log - 7) * PerOctave) + sub, Linear + (Octaves * PerOctave) - 1);
    }

    private static double BucketMiddleMicroseconds(int index)
    {
        if (index < Linear)
            return index + 0.5;
        var octave = (index - Linear) / PerOctave;
        var sub = (index - Linear) % PerOctave;
        var shift = octave + 1;
        return ((long)(PerOctave + sub) << shift) + ((1L << shift) / 2.0);
    }
}

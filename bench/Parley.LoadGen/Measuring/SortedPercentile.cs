namespace Parley.LoadGen.Measuring;

/// <summary>Exact nearest-rank percentiles of a sorted sample (registration latencies, a few thousand values).</summary>
internal static class SortedPercentile
{
    /// <summary>The value at nearest rank <c>ceil(p/100 × n)</c> of <paramref name="sorted"/>; NaN when empty.</summary>
    public static double Of(ReadOnlySpan<double> sorted, double percent)
    {
        if (sorted.IsEmpty)
            return double.NaN;
        return sorted[(int)Math.Clamp(Rank(percent, sorted.Length), 1, sorted.Length) - 1];
    }

    /// <summary>
    /// The nearest rank <c>ceil(p/100 × n)</c>, computed so that binary fractions cannot push an
    /// exact rank one up (99.9 % of 10,000 is rank 9,990, not 9,991).
    /// </summary>
    public static long Rank(double percent, long count) => (long)Math.Ceiling((percent * count / 100.0) - 1e-9);
}

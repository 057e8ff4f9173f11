namespace Parley.LoadGen.Measuring;

/// <summary>The neighbour probe's round trips over one phase.</summary>
/// <param name="Sent">Probes sent in the phase.</param>
/// <param name="Lost">Of those, how many never came back.</param>
/// <param name="P50Milliseconds">Median round trip of those that came back (NaN when none).</param>
/// <param name="P99Milliseconds">99th percentile round trip (NaN when none).</param>
/// <param name="MaxMilliseconds">Slowest round trip (NaN when none).</param>
/// <param name="Recovered">False when the last probe of the phase was still slow (or lost).</param>
/// <param name="RecoveryMilliseconds">
/// From the phase's start to the send time of the first probe after the last slow one: how long
/// until round trips stayed under the threshold. 0 when no probe was slow; the phase length when
/// not recovered.
/// </param>
internal readonly record struct ProbeSummary(
    int Sent, int Lost, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds, bool Recovered, double RecoveryMilliseconds)
{
    /// <summary>
    /// Summarises the probes sent in [<paramref name="startTicks"/>, <paramref name="endTicks"/>);
    /// a probe is slow when lost or when its round trip is at least <paramref name="thresholdMilliseconds"/>.
    /// </summary>
    /// <param name="samples">Probes in send order.</param>
    /// <param name="startTicks">Phase start, Stopwatch ticks.</param>
    /// <param name="endTicks">Phase end, Stopwatch ticks.</param>
    /// <param name="thresholdMilliseconds">Round trip at or above which a probe counts as slow.</param>
    /// <param name="ticksPerSecond">Stopwatch frequency.</param>
    public static ProbeSummary Of(ReadOnlySpan<ProbeSample> samples, long startTicks, long endTicks, double thresholdMilliseconds, double ticksPerSecond)
    {
        var thresholdNs = thresholdMilliseconds * 1e6;
        var returned = new List<double>();
        int sent = 0, lost = 0;
        long firstGoodAfterSlow = startTicks;
        var slowSeen = false;
        var lastWasSlow = false;
        foreach (var s in samples)
        {
            if (s.SentTicks < startTicks || s.SentTicks >= endTicks)
                continue;
            sent++;
            var slow = s.IsLost || s.RoundTripNanoseconds >= thresholdNs;
            if (s.IsLost)
                lost++;
            else
                returned.Add(s.RoundTripNanoseconds / 1e6);
            if (slow)
            {
                slowSeen = true;
                lastWasSlow = true;
            }
            else if (lastWasSlow)
            {
                firstGoodAfterSlow = s.SentTicks;
                lastWasSlow = false;
            }
        }

        returned.Sort();
        var sorted = returned.ToArray();
        var recovered = !lastWasSlow;
        double recovery;
        if (!slowSeen)
            recovery = 0;
        else if (recovered)
            recovery = (firstGoodAfterSlow - startTicks) / ticksPerSecond * 1000;
        else
            recovery = (endTicks - startTicks) / ticksPerSecond * 1000;
        return new ProbeSummary(
            sent, lost, SortedPercentile.Of(sorted, 50), SortedPercentile.Of(sorted, 99),
            sorted.Length == 0 ? double.NaN : sorted[^1], recovered, recovery);
    }
}

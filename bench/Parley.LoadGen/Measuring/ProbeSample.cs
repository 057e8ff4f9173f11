namespace Parley.LoadGen.Measuring;

/// <summary>One neighbour-probe round trip: when it was sent and how long it took (-1: never came back).</summary>
/// <param name="SentTicks">Stopwatch ticks at send time.</param>
/// <param name="RoundTripNanoseconds">The round trip, or -1 when the answer never arrived.</param>
internal readonly record struct ProbeSample(long SentTicks, long RoundTripNanoseconds)
{
    /// <summary>True when the answer never arrived.</summary>
    public bool IsLost => RoundTripNanoseconds < 0;
}

using Parley.LoadGen.Measuring;

namespace Parley.LoadGen.Tests;

public sealed class ProbeSummaryTests
{
    // One tick per millisecond keeps the arithmetic readable.
    private const double TicksPerSecond = 1000;

    private static ProbeSample Probe(long sentMs, double roundTripMs) => new(sentMs, roundTripMs < 0 ? -1 : (long)(roundTripMs * 1e6));

    [Fact]
    public void Phase_without_a_slow_probe_recovers_at_once()
    {
        ProbeSample[] samples = [Probe(0, 1), Probe(10, 2), Probe(20, 1)];
        var s = ProbeSummary.Of(samples, 0, 100, 10, TicksPerSecond);
        Assert.True(s.Recovered);
        Assert.Equal(0, s.RecoveryMilliseconds);
        Assert.Equal(3, s.Sent);
        Assert.Equal(0, s.Lost);
        Assert.Equal(2, s.MaxMilliseconds);
    }

    [Fact]
    public void Recovery_is_the_first_fast_probe_after_the_last_slow_one()
    {
        // Slow at 10 and 40 ms, fast in between and after: recovered from the probe sent at 50 ms.
        ProbeSample[] samples = [Probe(0, 1), Probe(10, 300), Probe(20, 2), Probe(40, 12), Probe(50, 3), Probe(60, 2)];
        var s = ProbeSummary.Of(samples, 0, 100, 10, TicksPerSecond);
        Assert.True(s.Recovered);
        Assert.Equal(50, s.RecoveryMilliseconds, 6);
        Assert.Equal(300, s.MaxMilliseconds, 6);
    }

    [Fact]
    public void Lost_probe_counts_as_slow_and_a_slow_end_is_not_recovered()
    {
        ProbeSample[] samples = [Probe(0, 1), Probe(10, -1), Probe(20, 1), Probe(30, -1)];
        var s = ProbeSummary.Of(samples, 0, 100, 10, TicksPerSecond);
        Assert.False(s.Recovered);
        Assert.Equal(100, s.RecoveryMilliseconds, 6);
        Assert.Equal(2, s.Lost);
        Assert.Equal(4, s.Sent);
    }

    [Fact]
    public void Only_probes_sent_inside_the_phase_count()
    {
        ProbeSample[] samples = [Probe(0, 500), Probe(100, 1), Probe(110, 1), Probe(200, 500)];
        var s = ProbeSummary.Of(samples, 100, 200, 10, TicksPerSecond);
        Assert.Equal(2, s.Sent);
        Assert.True(s.Recovered);
        Assert.Equal(0, s.RecoveryMilliseconds);
    }

    [Fact]
    public void Round_trip_equal_to_the_threshold_is_slow()
    {
        ProbeSample[] samples = [Probe(0, 10), Probe(10, 9.9)];
        var s = ProbeSummary.Of(samples, 0, 100, 10, TicksPerSecond);
        Assert.Equal(10, s.RecoveryMilliseconds, 6);
    }
}

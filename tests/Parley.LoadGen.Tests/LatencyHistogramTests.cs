using Parley.LoadGen.Measuring;

namespace Parley.LoadGen.Tests;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Empty_histogram_has_no_percentiles()
    {
        var h = new LatencyHistogram();
        Assert.True(double.IsNaN(h.PercentileMilliseconds(50)));
        Assert.True(double.IsNaN(h.MaxMilliseconds));
        Assert.Equal(0, h.Count);
    }

    [Fact]
    public void Percentiles_below_128_microseconds_are_exact_to_the_microsecond()
    {
        var h = new LatencyHistogram();
        for (var us = 1; us <= 100; us++)
            h.Record(us * 1000L);

        // Nearest rank: p50 of 1..100 µs is 50 µs; reported as its bucket's middle (50.5 µs).
        Assert.Equal(0.0505, h.PercentileMilliseconds(50), 6);
        Assert.Equal(0.0905, h.PercentileMilliseconds(90), 6);
        Assert.Equal(0.0995, h.PercentileMilliseconds(99), 6);
        Assert.Equal(0.1, h.PercentileMilliseconds(100), 6);
        Assert.Equal(0.1, h.MaxMilliseconds, 6);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(1.7)]
    [InlineData(12.3)]
    [InlineData(999.9)]
    [InlineData(7_654.3)]
    public void Larger_values_are_within_two_percent(double milliseconds)
    {
        var h = new LatencyHistogram();
        h.Record((long)(milliseconds * 1e6));
        h.Record((long)(milliseconds * 1e6 * 10)); // a larger value, so the percentile is not clamped to the maximum

        var p50 = h.PercentileMilliseconds(50);
        Assert.InRange(p50, milliseconds * 0.98, milliseconds * 1.02);
    }

    [Fact]
    public void Tail_percentiles_find_the_rare_slow_values()
    {
        var h = new LatencyHistogram();
        for (var i = 0; i < 9_990; i++)
            h.Record(1_000_000); // 1 ms
        for (var i = 0; i < 10; i++)
            h.Record(500_000_000); // 500 ms: the slowest 0.1 %

        Assert.InRange(h.PercentileMilliseconds(99), 0.98, 1.02);
        Assert.InRange(h.PercentileMilliseconds(99.9), 0.98, 1.02);
        Assert.InRange(h.PercentileMilliseconds(99.95), 490, 500);
        Assert.Equal(500, h.MaxMilliseconds, 6);
    }

    [Fact]
    public void Merged_histograms_count_both()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        for (var i = 0; i < 50; i++)
            a.Record(10_000);
        for (var i = 0; i < 50; i++)
            b.Record(90_000);

        a.Merge(b);

        Assert.Equal(100, a.Count);
        Assert.Equal(0.0105, a.PercentileMilliseconds(50), 6);
        Assert.Equal(0.09, a.PercentileMilliseconds(51), 3);
        Assert.Equal(0.05, a.MeanMilliseconds, 6);
    }

    [Fact]
    public void Negative_values_count_as_zero()
    {
        var h = new LatencyHistogram();
        h.Record(-5);
        Assert.Equal(1, h.Count);
        Assert.Equal(0, h.MaxMilliseconds);
    }
}

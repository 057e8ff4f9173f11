using Parley.LoadGen.Measuring;

namespace Parley.LoadGen.Tests;

public sealed class SortedPercentileTests
{
    [Fact]
    public void Nearest_rank_of_a_sorted_sample()
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(5, SortedPercentile.Of(sorted, 50));
        Assert.Equal(9, SortedPercentile.Of(sorted, 90));
        Assert.Equal(10, SortedPercentile.Of(sorted, 99));
        Assert.Equal(10, SortedPercentile.Of(sorted, 100));
        Assert.Equal(1, SortedPercentile.Of(sorted, 0));
    }

    [Fact]
    public void Empty_sample_has_no_percentile()
    {
        Assert.True(double.IsNaN(SortedPercentile.Of([], 50)));
    }
}

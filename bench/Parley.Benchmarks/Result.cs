namespace Parley.Benchmarks;

/// <summary>What one scenario measured.</summary>
internal sealed record Result(Scenario Scenario, TimeSpan Elapsed, long Batches, double P50Ms, double P99Ms, double MaxMs)
{
    public double MessagesPerSecond => Scenario.Messages / Elapsed.TotalSeconds;

    public double AverageBatch => (double)Scenario.Messages / Batches;
}

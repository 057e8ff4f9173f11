using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>
/// The store's instruments, on the meter <c>Parley.Storage</c>: group-commit latency and batch
/// size, and the writer's queue depth. The host exports every <c>Parley.*</c> meter.
/// </summary>
/// <remarks>Thread-safe, no tags, nothing allocated per write. Process-wide: databases in one process share them.</remarks>
internal static class StoreMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Parley.Storage";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "parley.store.commit.duration", "s", "Time to run and commit one write batch (one transaction, one fsync with synchronous=FULL).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1] });

    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "parley.store.commit.batch_size", "{write}", "Writes committed together in one transaction.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 50, 100, 500, 1000, 4096] });

    private static readonly UpDownCounter<long> QueueDepth = Meter.CreateUpDownCounter<long>(
        "parley.store.queue.depth", "{write}", "Writes queued for the writer and not yet committed or failed.");

    /// <summary>A write entered the queue.</summary>
    public static void Queued() => QueueDepth.Add(1);

    /// <summary>A batch of <paramref name="writes"/> left the queue, committed or failed, after running since <paramref name="startTimestamp"/>.</summary>
    public static void Finished(int writes, long startTimestamp, bool committed)
    {
        QueueDepth.Add(-writes);
        if (!committed)
            return;
        CommitDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);
        BatchSize.Record(writes);
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Core.Messages;
using Parley.Storage.Postgres;
using Parley.Storage.Sqlite;

namespace Parley.Benchmarks;

/// <summary>
/// Drives the real SQLite store as the server does: producers (think connections) append
/// direct messages between two accounts, each keeping up to <see cref="Scenario.Window"/>
/// messages waiting for their commit, and measures stored messages per second and the time from
/// Append to "committed" (the latency group commit adds before a sender's OK).
/// </summary>
internal static class StoreBenchmark
{
    public static async Task<Result> RunAsync(Scenario scenario, string directory)
    {
        var dataDirectory = Path.Combine(directory, scenario.Name);
        using var database = new SqliteDatabase(
            new SqliteStoreOptions { DataDirectory = dataDirectory, Synchronous = scenario.Synchronous, MaxBatchSize = scenario.MaxBatchSize },
            NullLogger<SqliteDatabase>.Instance);
        var store = new SqliteMessageStore(database);
        var perProducer = scenario.Messages / scenario.Producers;
        var latencies = new double[perProducer * scenario.Producers];
        var batchesBefore = database.BatchesCommitted;

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, scenario.Producers).Select(p => Task.Run(() => ProduceAsync(store, scenario, p, perProducer, latencies))));
        clock.Stop();

        var batches = database.BatchesCommitted - batchesBefore;
        Array.Sort(latencies);
        return new Result(
            scenario with { Messages = latencies.Length },
            clock.Elapsed,
            batches,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies[^1]);
    }

    /// <summary>
    /// The same on the PostgreSQL store (<paramref name="connectionString"/>, an existing database
    /// this run may empty): <see cref="Scenario.Synchronous"/> does not apply (PostgreSQL commits
    /// with its own <c>synchronous_commit</c>, on by default).
    /// </summary>
    public static async Task<Result> RunPostgresAsync(Scenario scenario, string connectionString)
    {
        using var database = new PostgresDatabase(
            new PostgresStoreOptions { ConnectionString = connectionString, MaxBatchSize = scenario.MaxBatchSize },
            NullLogger<PostgresDatabase>.Instance);
        var store = new PostgresMessageStore(database);
        var perProducer = scenario.Messages / scenario.Producers;
        var latencies = new double[perProducer * scenario.Producers];
        var batchesBefore = database.BatchesCommitted;

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, scenario.Producers).Select(p => Task.Run(() => ProduceAsync(store, scenario, p, perProducer, latencies))));
        clock.Stop();

        var batches = database.BatchesCommitted - batchesBefore;
        Array.Sort(latencies);
        return new Result(
            scenario with { Messages = latencies.Length },
            clock.Elapsed,
            batches,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies[^1]);
    }

    private static async Task ProduceAsync(IMessageStore store, Scenario scenario, int producer, int count, double[] latencies)
    {
        var inFlight = new Queue<(long Started, Task Committed)>(scenario.Window);
        var next = producer * count;
        var text = $"message from producer {producer}: the quick brown fox jumps over the lazy dog";
        for (var i = 0; i < count; i++)
        {
            if (inFlight.Count == scenario.Window)
                latencies[next++] = await CompleteAsync(inFlight.Dequeue());
            var receipt = store.Append(new NewMessage(
                MessageKind.Direct, DateTimeOffset.UtcNow, "alice", 1, "bob", 2, text, Delivered: true));
            inFlight.Enqueue((Stopwatch.GetTimestamp(), receipt.Committed));
        }

        while (inFlight.Count > 0)
            latencies[next++] = await CompleteAsync(inFlight.Dequeue());
    }

    // Commits complete in order, so awaiting the oldest first measures each one's own wait.
    private static async Task<double> CompleteAsync((long Started, Task Committed) entry)
    {
        await entry.Committed;
        return Stopwatch.GetElapsedTime(entry.Started).TotalMilliseconds;
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];
}

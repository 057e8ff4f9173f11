using System.Globalization;
using System.Runtime.InteropServices;
using Parley.Benchmarks;
using Parley.Storage.Sqlite;

// Usage: dotnet run -c Release --project bench/Parley.Benchmarks [-- <messages> [<directory>]]
// The directory should be on the disk the server would use (fsync cost is the point); default: the temp folder.
// PARLEY_BENCH_POSTGRES=<Npgsql connection string> also runs the store scenarios on PostgreSQL (docs/benchmarks.md).
var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var root = Path.Combine(args.Length > 1 ? args[1] : Path.GetTempPath(), "parley-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(root);

Scenario[] scenarios =
[
    // A sender alone: one message, wait for its OK, next. The latency floor: one commit (fsync) each.
    new("one sender, FULL", SqliteSynchronous.Full, 1024, Math.Min(messages, 2_000), Producers: 1, Window: 1),
    // Without group commit: one transaction per message, 64 senders. What batching saves.
    new("64 senders, FULL, no batching", SqliteSynchronous.Full, 1, Math.Min(messages, 10_000), Producers: 64, Window: 1),
    // Group commit, 64 connections each with one command at a time (the server's common case).
    new("64 senders, FULL, group commit", SqliteSynchronous.Full, 1024, messages, Producers: 64, Window: 1),
    // Group commit with pipelining clients (a connection may have replies waiting for commits).
    new("64 senders x16 pipelined, FULL", SqliteSynchronous.Full, 1024, messages, Producers: 64, Window: 16),
    new("64 senders x16 pipelined, NORMAL", SqliteSynchronous.Normal, 1024, messages, Producers: 64, Window: 16),
];

Console.WriteLine($"Parley storage benchmark: {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, "
    + $"{Environment.ProcessorCount} cores, data in {root}");
Console.WriteLine();
Console.WriteLine("| scenario | messages | stored msg/s | commits | avg batch | commit wait p50 | p99 | max |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
try
{
    // Warm-up: JIT and the SQLite library, not measured.
    await StoreBenchmark.RunAsync(new Scenario("warm-up", SqliteSynchronous.Normal, 1024, 20_000, 8, 16), root);
    foreach (var scenario in scenarios)
    {
        var r = await StoreBenchmark.RunAsync(scenario, root);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {scenario.Name} | {r.Scenario.Messages:N0} | {r.MessagesPerSecond:N0} | {r.Batches:N0} | {r.AverageBatch:N1} | {r.P50Ms:N2} ms | {r.P99Ms:N2} ms | {r.MaxMs:N2} ms |"));
    }

    if (Environment.GetEnvironmentVariable("PARLEY_BENCH_POSTGRES") is { Length: > 0 } postgres)
    {
        Console.WriteLine();
        Console.WriteLine("The same on PostgreSQL (Parley.Storage.Postgres, synchronous_commit on):");
        Console.WriteLine();
        Console.WriteLine("| scenario | messages | stored msg/s | commits | avg batch | commit wait p50 | p99 | max |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        await StoreBenchmark.RunPostgresAsync(new Scenario("warm-up", SqliteSynchronous.Full, 1024, 20_000, 8, 16), postgres);
        foreach (var scenario in scenarios.Where(s => s.Synchronous == SqliteSynchronous.Full))
        {
            var r = await StoreBenchmark.RunPostgresAsync(scenario with { Name = scenario.Name.Replace(", FULL", "", StringComparison.Ordinal) }, postgres);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario.Name} | {r.Scenario.Messages:N0} | {r.MessagesPerSecond:N0} | {r.Batches:N0} | {r.AverageBatch:N1} | {r.P50Ms:N2} ms | {r.P99Ms:N2} ms | {r.MaxMs:N2} ms |"));
        }
    }

    Console.WriteLine();
    Console.WriteLine("End to end (in-process server, real sockets, SQLite FULL):");
    Console.WriteLine();
    await EndToEndBenchmark.RunAsync(root, Math.Min(messages, 64_000));
}
finally
{
    Directory.Delete(root, recursive: true);
}

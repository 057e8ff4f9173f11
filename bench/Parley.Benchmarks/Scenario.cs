using Parley.Storage.Sqlite;

namespace Parley.Benchmarks;

/// <summary>One measured configuration: how the store commits and how hard it is driven.</summary>
internal sealed record Scenario(string Name, SqliteSynchronous Synchronous, int MaxBatchSize, int Messages, int Producers, int Window);

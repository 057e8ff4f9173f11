using Microsoft.Extensions.Logging.Abstractions;
using Parley.Core.Cluster;
using Parley.Storage.Postgres.Cluster;

namespace Parley.Storage.Postgres.Tests.Cluster;

/// <summary>One "node" of a test: its own store, lease, nick space and account gates on a shared database.</summary>
internal sealed class ClusterNode : IAsyncDisposable
{
    private ClusterNode(PostgresDatabase database, PostgresNodeLease lease, PostgresNickClaims claims)
    {
        Database = database;
        Lease = lease;
        Claims = claims;
        Messages = new PostgresMessageStore(database);
        Gates = new PostgresAccountGates(database, claims, Messages);
    }

    public PostgresDatabase Database { get; }

    public PostgresNodeLease Lease { get; }

    public PostgresNickClaims Claims { get; }

    public PostgresMessageStore Messages { get; }

    public PostgresAccountGates Gates { get; }

    public static ClusterNode Start(string connectionString, string name, TimeProvider time)
    {
        var database = new PostgresDatabase(new PostgresStoreOptions { ConnectionString = connectionString }, NullLogger<PostgresDatabase>.Instance);
        var lease = new PostgresNodeLease(database, new NodeLeaseOptions { NodeName = name }, time, NullLogger.Instance);
        lease.Acquire();
        var claims = new PostgresNickClaims(database, name, NullLogger.Instance);
        claims.Start(TimeSpan.FromSeconds(30));
        return new ClusterNode(database, lease, claims);
    }

    /// <summary>Completes when <paramref name="condition"/> holds, checked now and after each change another node notified; fails after 10 s.</summary>
    public async Task WhenAsync(Func<PostgresNickClaims, bool> condition)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(string _)
        {
            if (condition(Claims))
                met.TrySetResult();
        }

        Claims.Changed += Check;
        try
        {
            Check("");
            await met.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Claims.Changed -= Check;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Claims.DisposeAsync();
        Database.Dispose();
    }
}

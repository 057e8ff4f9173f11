using Parley.Cluster.RabbitMq.Tests;
using Parley.Storage.Postgres.Tests;

namespace Parley.Cluster.Tests;

/// <summary>One PostgreSQL and one RabbitMQ for the whole run; each test makes its own database and node names.</summary>
public sealed class ClusterServices : IAsyncLifetime
{
    public PostgresServer Postgres { get; } = new();

    public RabbitMqBroker Broker { get; } = new();

    public Task InitializeAsync() => Broker.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

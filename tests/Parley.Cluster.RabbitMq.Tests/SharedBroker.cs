namespace Parley.Cluster.RabbitMq.Tests;

/// <summary>One broker for every test of the run (it takes seconds to start); the tests of the collection run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBroker : ICollectionFixture<RabbitMqBroker>
{
    public const string Name = "RabbitMQ broker";
}

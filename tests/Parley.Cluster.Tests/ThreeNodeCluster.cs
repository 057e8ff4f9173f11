using Parley.Cluster.RabbitMq.Tests;
using Parley.Storage.Postgres.Tests;

namespace Parley.Cluster.Tests;

/// <summary>
/// One PostgreSQL, one RabbitMQ and three <c>parley-server</c> processes on them (node names
/// <c>node1</c>..<c>node3</c> plus a run suffix), for the whole collection; tests use nicks and rooms
/// of their own (<see cref="Unique"/>) and run one at a time. <see cref="StartNodeAsync"/> adds a
/// node a test may kill.
/// </summary>
public sealed class ThreeNodeCluster : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private readonly List<ClusterNode> _extra = [];
    private PostgresServer? _postgres;
    private string _database = "";

    /// <summary>The broker, to restart it.</summary>
    public RabbitMqBroker Broker { get; } = new();

    /// <summary>The shared PostgreSQL, to stop and start it.</summary>
    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("the cluster is not started");

    /// <summary>The three nodes.</summary>
    public IReadOnlyList<ClusterNode> Nodes { get; private set; } = [];

    /// <summary>The nodes' connection string.</summary>
    public string ConnectionString => _postgres!.ConnectionString(_database);

    public async Task InitializeAsync()
    {
        var broker = Broker.InitializeAsync();
        _postgres = await Task.Run(() => new PostgresServer());
        _database = await _postgres.CreateDatabaseAsync();
        await broker;
        Nodes = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => ClusterNode.StartAsync($"node{i}-{_run}", ConnectionString, Broker.Uri)));
    }

    /// <summary>A fourth (fifth...) node on the same store and broker, stopped with the cluster.</summary>
    public async Task<ClusterNode> StartNodeAsync(string name)
    {
        var node = await ClusterNode.StartAsync($"{name}-{_run}", ConnectionString, Broker.Uri);
        lock (_extra)
            _extra.Add(node);
        return node;
    }

    /// <summary><paramref name="prefix"/> with a short random suffix: a nick or room name no other test uses.</summary>
    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..5];

    public async Task DisposeAsync()
    {
        foreach (var node in Nodes.Concat(_extra))
            await node.DisposeAsync();
        await Broker.DisposeAsync();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Parley.Cluster.RabbitMq;
using Parley.Core.Cluster;
using Parley.Storage.Postgres.Cluster;
using Parley.TestKit;

namespace Parley.Cluster.Tests;

/// <summary>Starting nodes of one cluster (a database of the test's own, node names unique in the run) and awaiting what they see.</summary>
internal sealed class Nodes(ClusterServices services, string database) : IAsyncDisposable
{
    private readonly string _prefix = Guid.NewGuid().ToString("N")[..8];
    private readonly List<ParleyTestServer> _started = [];

    public static async Task<Nodes> CreateAsync(ClusterServices services) => new(services, await services.Postgres.CreateDatabaseAsync());

    /// <summary>Starts node <paramref name="name"/> with line and IRC listeners on free ports, on a clock of its own when given.</summary>
    public async Task<ParleyTestServer> StartAsync(string name, TimeProvider? time = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Parley:Storage:Provider"] = "postgres",
            ["Parley:Storage:Postgres:ConnectionString"] = services.Postgres.ConnectionString(database),
            ["Parley:Cluster:Provider"] = "rabbitmq",
            ["Parley:Cluster:RabbitMq:Uri"] = services.Broker.Uri,
            ["Parley:Cluster:RabbitMq:Exchange"] = "parley.test." + _prefix,
            ["Parley:Cluster:NodeName"] = _prefix + "-" + name,
        };
        var node = time is null
            ? await ParleyTestServer.StartWithIrcAsync(settings)
            : await ParleyTestServer.StartWithIrcAsync(settings, configureServices: s => s.AddSingleton(time));
        _started.Add(node);
        return node;
    }

    /// <summary>Completes when <paramref name="condition"/> holds on <paramref name="node"/>'s view of the nick space, checked now and after each change another node notified.</summary>
    public static async Task WhenSeenAsync(ParleyTestServer node, Func<INickClaims, bool> condition)
    {
        var claims = node.Services.GetRequiredService<PostgresNickClaims>();
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(string _)
        {
            if (condition(claims))
                met.TrySetResult();
        }

        claims.Changed += Check;
        try
        {
            Check("");
            await met.Task.WaitAsync(TestConnection.DefaultTimeout);
        }
        finally
        {
            claims.Changed -= Check;
        }
    }

    /// <summary>Completes when <paramref name="node"/>'s bindings (and events) so far are at the broker: routing to its new nick works.</summary>
    public static Task BoundAsync(ParleyTestServer node) =>
        node.Services.GetRequiredService<RabbitMqEventRouter>().WhenConfirmedAsync(TestConnection.DefaultTimeout);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _started)
            await node.DisposeAsync();
        await services.Postgres.DropDatabaseAsync(database);
    }
}

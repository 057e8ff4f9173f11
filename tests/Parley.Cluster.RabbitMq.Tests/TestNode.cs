using Parley.Core.Accounts;
using Parley.Core.Cluster;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;
using Parley.Core.Tests;

namespace Parley.Cluster.RabbitMq.Tests;

/// <summary>One node in the test process: a real ChatHub over in-memory stores, routing through its own RabbitMQ router.</summary>
public sealed class TestNode : IAsyncDisposable
{
    private static int _lastNodeNumber;

    private TestNode(RabbitMqEventRouter router)
    {
        Router = router;
        // Session ids unique across nodes, as a cluster's node numbers make them: the router names
        // the session an audience leaves out by its id.
        var number = Interlocked.Increment(ref _lastNodeNumber) % InProcessIdAllocator.MaxNodes;
        Hub = new ChatHub(
            new MemoryAccountStore(), new MemoryMessageStore(), new AccountOptions(), new RoomOptions(), new RoomLimits(),
            new InMemoryRoomStore(), new InMemoryRoomHistory(), OperatorPolicy.None, TimeProvider.System,
            new ClusterPorts { Ids = new InProcessIdAllocator(TimeProvider.System, node: number, nodes: InProcessIdAllocator.MaxNodes) })
        {
            Router = router,
        };
        // The hub's replica of the other nodes (room members, users) is kept by its router.
        router.Attach(Hub);
    }

    public RabbitMqEventRouter Router { get; }

    public ChatHub Hub { get; }

    public static async Task<TestNode> StartAsync(RabbitMqBroker broker, string name, int maxOutgoing = 100_000)
    {
        var router = new RabbitMqEventRouter(new RabbitMqRouterOptions
        {
            Uri = broker.Uri,
            NodeName = name + "-" + Guid.NewGuid().ToString("N")[..6],
            // Each test its own exchange: no test sees another's traffic.
            Exchange = "parley.test." + Guid.NewGuid().ToString("N")[..8],
            MaxOutgoing = maxOutgoing,
        });
        var node = new TestNode(router);
        await router.StartAsync();
        return node;
    }

    /// <summary>A node on a given exchange: one that joins the others' cluster later.</summary>
    /// <param name="time">The router's clock (heartbeats of the replica), or the system's.</param>
    public static async Task<TestNode> StartOnAsync(RabbitMqBroker broker, string name, string exchange, TimeProvider? time = null)
    {
        var router = new RabbitMqEventRouter(new RabbitMqRouterOptions { Uri = broker.Uri, NodeName = name + "-" + Guid.NewGuid().ToString("N")[..6], Exchange = exchange }, time: time);
        var node = new TestNode(router);
        await router.StartAsync();
        return node;
    }

    public static Task<TestNode[]> StartManyAsync(RabbitMqBroker broker, params string[] names) => StartManyAsync(broker, 256, names);

    /// <summary>Nodes on one exchange; <paramref name="prefetch"/> is each node's <see cref="RabbitMqRouterOptions.Prefetch"/>.</summary>
    public static async Task<TestNode[]> StartManyAsync(RabbitMqBroker broker, int prefetch, params string[] names)
    {
        var exchange = "parley.test." + Guid.NewGuid().ToString("N")[..8];
        var nodes = new TestNode[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var router = new RabbitMqEventRouter(new RabbitMqRouterOptions { Uri = broker.Uri, NodeName = names[i] + "-" + Guid.NewGuid().ToString("N")[..6], Exchange = exchange, Prefetch = prefetch });
            nodes[i] = new TestNode(router);
            await router.StartAsync();
        }

        return nodes;
    }

    /// <summary>A guest session holding <paramref name="nick"/>.</summary>
    public async Task<(ChatSession Session, WaitingSink Sink)> GuestAsync(string nick, bool seesAllPresence = true)
    {
        var sink = new WaitingSink(seesAllPresence);
        var session = Hub.Connect(sink, "127.0.0.1");
        Assert.Equal(ChatError.None, await Hub.RegisterGuestAsync(session, nick));
        return (session, sink);
    }

    /// <summary>Waits until every binding change and event this node queued went through the broker.</summary>
    public async Task SettledAsync() => Assert.True(await Router.WhenConfirmedAsync(TimeSpan.FromSeconds(20)), $"{Router.NodeName} still has {Router.Pending} pending");

    public ValueTask DisposeAsync() => Router.DisposeAsync();
}

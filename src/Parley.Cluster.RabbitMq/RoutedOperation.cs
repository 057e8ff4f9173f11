namespace Parley.Cluster.RabbitMq;

/// <summary>What one item of the node's outgoing stream asks of the broker.</summary>
internal enum RoutedOperation : byte
{
    /// <summary>Hand an event to an audience on the other nodes.</summary>
    Publish = 1,

    /// <summary>Close an audience's sessions on the other nodes (kill, ghost, drop).</summary>
    Close = 2,

    /// <summary>Bind a routing key to this node's queue (not sent to other nodes).</summary>
    Bind = 3,

    /// <summary>Unbind a routing key from this node's queue (not sent to other nodes).</summary>
    Unbind = 4,

    /// <summary>Tell the other nodes' replicas (users, a node's state; docs/architecture.md "Room state and listings across nodes").</summary>
    Replica = 5,
}

namespace Parley.Cluster.RabbitMq;

/// <summary>What a <see cref="ReplicaPayload"/> tells the other nodes' replicas. On the wire: append only, never renumber.</summary>
internal enum ReplicaKind : byte
{
    /// <summary>Nothing (an event without replica data).</summary>
    None = 0,

    /// <summary>A user is online on the sending node, or changed: <see cref="ReplicaPayload.User"/>.</summary>
    User = 1,

    /// <summary>The sending node's last session of <see cref="ReplicaPayload.Nick"/> left.</summary>
    Gone = 2,

    /// <summary>A node (re)joined: every node answers with <see cref="NodeState"/> to it.</summary>
    SyncRequest = 3,

    /// <summary>Everything the sending node hosts: <see cref="ReplicaPayload.Users"/> and <see cref="ReplicaPayload.Rooms"/>.</summary>
    NodeState = 4,

    /// <summary>The sending node stops: forget it.</summary>
    NodeLeft = 5,

    /// <summary>A room's settings after a topic, mode or list change: <see cref="ReplicaPayload.Settings"/>.</summary>
    Settings = 6,

    /// <summary>The sending node is up (every <see cref="RabbitMqEventRouter.ReplicaHeartbeat"/>).</summary>
    Heartbeat = 7,
}

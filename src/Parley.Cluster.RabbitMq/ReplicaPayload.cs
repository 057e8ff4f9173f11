using Parley.Core.Cluster;

namespace Parley.Cluster.RabbitMq;

/// <summary>
/// What an envelope carries for the other nodes' replicas (docs/architecture.md, "Room state and
/// listings across nodes"): a user record, a room's settings, or a node's whole state. Immutable
/// data, written as JSON after the envelope's events.
/// </summary>
internal sealed record ReplicaPayload
{
    /// <summary>What it tells.</summary>
    public ReplicaKind Kind { get; init; }

    /// <summary>The user (<see cref="ReplicaKind.User"/>).</summary>
    public RemoteUser? User { get; init; }

    /// <summary>The nick gone (<see cref="ReplicaKind.Gone"/>).</summary>
    public string? Nick { get; init; }

    /// <summary>The node's users (<see cref="ReplicaKind.NodeState"/>).</summary>
    public RemoteUser[]? Users { get; init; }

    /// <summary>The node's rooms with their settings and its members (<see cref="ReplicaKind.NodeState"/>).</summary>
    public RoomReplicaState[]? Rooms { get; init; }

    /// <summary>A room's settings (<see cref="ReplicaKind.Settings"/>, with the room event that changed them).</summary>
    public RoomSettings? Settings { get; init; }
}

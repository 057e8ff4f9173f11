using System.Collections.Concurrent;

namespace Parley.Cluster.RabbitMq;

public sealed partial class RabbitMqEventRouter
{
    /// <summary>How often a node tells the others it is up: 5 s. Its users and members stay in their replicas while it does.</summary>
    public static readonly TimeSpan ReplicaHeartbeat = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a node may stay silent before the others forget its users and room members (its
    /// users are then seen to quit): 20 s, four heartbeats, the node lease's default timeout, so a
    /// dead node's users go within 25 s (issue 15: under 30 s). A node stopped cleanly is forgotten
    /// at once (<see cref="ReplicaKind.NodeLeft"/>).
    /// </summary>
    public static readonly TimeSpan ReplicaExpiry = TimeSpan.FromSeconds(20);

    private readonly TimeProvider _time;
    // When each other node was last heard for the replica (its heartbeat or replica data), by name.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastHeard = new(StringComparer.Ordinal);
    // Nodes forgotten for their silence, not for a NodeLeft: asked for their state if heard again.
    private readonly ConcurrentDictionary<string, bool> _forgotten = new(StringComparer.Ordinal);
    private ITimer? _heartbeat;

    private void StartHeartbeat()
    {
        if (_hub is not null)
            _heartbeat = _time.CreateTimer(static state => ((RabbitMqEventRouter)state!).Beat(), this, ReplicaHeartbeat, ReplicaHeartbeat);
    }

    private void StopHeartbeat() => _heartbeat?.Dispose();

    // On the timer: this node's pulse, and the other nodes that fell silent forgotten.
    private void Beat()
    {
        Enqueue(new RoutedEnvelope { Operation = RoutedOperation.Replica, Key = RoutingKeys.All, Replica = new ReplicaPayload { Kind = ReplicaKind.Heartbeat } });
        var now = _time.GetUtcNow();
        foreach (var (node, heard) in _lastHeard)
        {
            if (now - heard > ReplicaExpiry && _lastHeard.TryRemove(new KeyValuePair<string, DateTimeOffset>(node, heard)))
            {
                _forgotten[node] = true;
                Forget(node);
            }
        }
    }

    // A node heard for the replica; one heard again after it was forgotten (a pause longer than the
    // expiry, a broker outage) is asked for its state.
    private void Heard(string node)
    {
        _lastHeard[node] = _time.GetUtcNow();
        if (_forgotten.TryRemove(node, out _))
            Enqueue(new RoutedEnvelope { Operation = RoutedOperation.Replica, Key = "node." + RoutingKeys.Escape(node.ToUpperInvariant()), Target = NodeKey, Replica = new ReplicaPayload { Kind = ReplicaKind.SyncRequest } });
    }

    private void Forget(string node)
    {
        _lastHeard.TryRemove(node, out _);
        _hub?.Directory.Forget(node);
        _hub?.Rooms.ForgetNode(node);
    }
}

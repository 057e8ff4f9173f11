using Parley.Core.Rooms;

namespace Parley.Core.Cluster;

/// <summary>
/// Ids from this process's memory, the hub's default: session ids count up from 1, room message
/// ids are <see cref="MessageIds"/> (time-based, seeded above the largest stored). With a node
/// number (several nodes on one database) they stay unique across nodes without talking to
/// each other: a session id carries the node in its bits 48 and up, and a room message id
/// is congruent to the node modulo the node count.
/// </summary>
/// <remarks>
/// Thread-safe and lock-free: one <see cref="Interlocked"/> operation per session id, a
/// compare-and-swap per message id. Node 0 of 1 (the defaults) gives exactly the ids of one
/// process alone.
/// </remarks>
public sealed class InProcessIdAllocator : IIdAllocator
{
    /// <summary>The most nodes that can share one id space: 64 (each then has 15 exact room message ids per millisecond).</summary>
    public const int MaxNodes = MessageIds.MaxNodes;

    private readonly MessageIds _roomMessages;
    private readonly long _sessionBase;
    private long _lastSession;

    /// <summary>Creates the allocator.</summary>
    /// <param name="time">The clock of the time-based room message ids.</param>
    /// <param name="lastRoomMessageId">The largest room message id stored (<see cref="IRoomHistory.LastId"/>), 0 when none.</param>
    /// <param name="node">This node's number, 0 to <paramref name="nodes"/> - 1; 0 alone.</param>
    /// <param name="nodes">How many nodes share the id space, 1 to <see cref="MaxNodes"/>; 1 alone.</param>
    /// <exception cref="ArgumentOutOfRangeException">The node number or count is out of range.</exception>
    public InProcessIdAllocator(TimeProvider time, long lastRoomMessageId = 0, int node = 0, int nodes = 1)
    {
        ArgumentNullException.ThrowIfNull(time);
        _roomMessages = new MessageIds(time, lastRoomMessageId, node, nodes);
        _sessionBase = (long)node << 48;
    }

    /// <inheritdoc />
    public long NextSessionId() => _sessionBase + Interlocked.Increment(ref _lastSession);

    /// <inheritdoc />
    public long NextRoomMessageId() => _roomMessages.Next();
}

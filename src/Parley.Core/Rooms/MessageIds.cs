namespace Parley.Core.Rooms;

/// <summary>
/// Assigns message ids: the UTC time in milliseconds since 1970 times 1,000, plus a sequence
/// number for messages in the same millisecond. Ids increase in time, survive restarts without a
/// store lookup (as long as the clock does not step back by more than the downtime), and read as a
/// rough timestamp. Up to 1,000 ids per millisecond stay exact; beyond that ids borrow from the
/// next millisecond, still unique and increasing.
/// </summary>
/// <remarks>
/// <para>Thread-safe and lock-free.</para>
/// <para>
/// Several nodes sharing one room history each take a node number: a node's ids are all
/// congruent to its number modulo the node count (the number sits in the low digits), so two
/// nodes never make the same id, and each has 1,000 / count exact ids per millisecond. Node 0 of 1,
/// the default, is a process alone.
/// </para>
/// </remarks>
public sealed class MessageIds
{
    /// <summary>The most nodes that can share the id space: 64.</summary>
    public const int MaxNodes = 64;

    private readonly TimeProvider _time;
    private readonly long _node;
    private readonly long _nodes;
    private long _last;

    /// <summary>Creates the id source.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="lastStored">
    /// The largest id already stored (0 when none): every id returned is greater, even when the clock
    /// stepped back across a restart.
    /// </param>
    /// <param name="node">This node's number, 0 to <paramref name="nodes"/> - 1.</param>
    /// <param name="nodes">How many nodes share the id space, 1 to <see cref="MaxNodes"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The node number or count is out of range.</exception>
    public MessageIds(TimeProvider time, long lastStored = 0, int node = 0, int nodes = 1)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nodes, MaxNodes);
        ArgumentOutOfRangeException.ThrowIfNegative(node);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(node, nodes);
        _time = time;
        _node = node;
        _nodes = nodes;
        _last = lastStored;
    }

    /// <summary>The next id, greater than every id this instance returned before.</summary>
    /// <returns>The id.</returns>
    public long Next()
    {
        var floor = _time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        while (true)
        {
            var last = Volatile.Read(ref _last);
            var next = Math.Max(last + 1, floor);
            // Up to this node's residue; nothing to do when the node is alone.
            if (_nodes > 1)
                next += ((_node - next % _nodes) + _nodes) % _nodes;
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
                return next;
        }
    }
}

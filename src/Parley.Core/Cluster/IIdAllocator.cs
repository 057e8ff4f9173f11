namespace Parley.Core.Cluster;

/// <summary>
/// Where the hub's ids come from: session ids and room message ids. A port so that several nodes
/// never hand out the same id (docs/architecture.md, "Ids, nick claims, sign-in ordering, events
/// that cross a process"). Direct messages and broadcasts are not here: their ids are the message
/// store's sequence (<see cref="Messages.IMessageStore"/>).
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and must not block or wait for I/O: both are called on the
/// hot path (a connection, every room message), so an id comes from memory.
/// </remarks>
public interface IIdAllocator
{
    /// <summary>The id of a new session: unique among the sessions alive anywhere, never 0.</summary>
    /// <returns>The id.</returns>
    long NextSessionId();

    /// <summary>
    /// The id of a new room message: unique, greater than every room message id this allocator
    /// returned before and than the largest stored when it was made, and increasing roughly in time.
    /// </summary>
    /// <returns>The id.</returns>
    long NextRoomMessageId();
}

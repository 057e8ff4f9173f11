namespace Parley.Core.Rooms;

/// <summary>
/// The port to room message history: what <c>/join</c> shows and <c>/history</c> pages through.
/// The default is <see cref="InMemoryRoomHistory"/>; the SQLite store implements it so that room
/// messages are stored like direct ones.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe. <see cref="AppendAsync"/> runs on the sender's read loop
/// after the message was handed to the members, so a slow store delays only the sender's next
/// command, never delivery. Ids come from <see cref="MessageIds"/> and increase in time, but
/// concurrent senders may append slightly out of id order: order by id when reading.
/// </remarks>
public interface IRoomHistory
{
    /// <summary>Stores one message.</summary>
    /// <param name="message">The message, with its id and UTC time.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when stored.</returns>
    ValueTask AppendAsync(RoomMessage message, CancellationToken cancellationToken = default);

    /// <summary>Reads the latest <paramref name="count"/> messages of a room, optionally before an id.</summary>
    /// <param name="room">The room's name, any case.</param>
    /// <param name="count">Most messages to return, at least 1.</param>
    /// <param name="beforeId">Only messages with a smaller id; null for the newest.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The messages, oldest first.</returns>
    ValueTask<IReadOnlyList<RoomMessage>> ReadAsync(string room, int count, long? beforeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// An unregistered room emptied and vanished. A store that keeps history like direct messages
    /// may ignore this; the in-memory default frees the room's messages. MUST NOT block.
    /// </summary>
    /// <param name="room">The room's name.</param>
    void OnRoomClosed(string room);
}

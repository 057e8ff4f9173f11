namespace Parley.Core.Rooms;

/// <summary>
/// The port to room message history: what <c>/join</c> shows and <c>/history</c> pages through.
/// The default is <see cref="InMemoryRoomHistory"/>; the SQLite store implements it so that room
/// messages are stored like direct ones.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe. <see cref="Append"/> runs on the sender's read loop after
/// the message was handed to the members and must not block: it queues the write and returns a
/// task for its commit, which the front-end awaits (off the read loop) before the sender's
/// <c>OK</c>, the same durability promise as direct messages. Ids come from the hub's
/// <see cref="Cluster.IIdAllocator"/> (by default <see cref="MessageIds"/>) and increase in time, but concurrent senders may append slightly out of id order: order by id
/// when reading.
/// </remarks>
public interface IRoomHistory
{
    /// <summary>
    /// The largest message id stored when the history was opened (0 when none), so that ids given
    /// after a restart stay above every stored one even if the clock stepped back.
    /// </summary>
    long LastId { get; }

    /// <summary>Queues one message for storage; never blocks.</summary>
    /// <param name="message">The message, with its id and UTC time.</param>
    /// <returns>A task that completes when the message is durable, and faults when storing it failed.</returns>
    Task Append(RoomMessage message);

    /// <summary>
    /// Reads the latest <paramref name="count"/> messages of a room (no events), optionally before an id.
    /// Messages whose <see cref="Append"/> was called before this read are included (read-your-writes).
    /// </summary>
    /// <param name="room">The room's name, any case.</param>
    /// <param name="count">Most messages to return, at least 1.</param>
    /// <param name="beforeId">Only messages with a smaller id; null for the newest.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The messages, oldest first.</returns>
    ValueTask<IReadOnlyList<RoomMessage>> ReadAsync(string room, int count, long? beforeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// An unregistered room emptied and vanished: its messages are forgotten, so a later room of the
    /// same name does not show them. MUST NOT block (a store queues the delete).
    /// </summary>
    /// <param name="room">The room's name.</param>
    void OnRoomClosed(string room);

    /// <summary>
    /// The time of a room's newest message strictly between <paramref name="after"/> and
    /// <paramref name="before"/> (IRC's <c>CHATHISTORY TARGETS</c>); null when it has none there.
    /// Read-your-writes as <see cref="ReadAsync"/>. Histories without the notion return null.
    /// </summary>
    /// <param name="room">The room's name, any case.</param>
    /// <param name="after">The window's start (exclusive), UTC.</param>
    /// <param name="before">The window's end (exclusive), UTC.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The newest message's time in the window, or null.</returns>
    ValueTask<DateTimeOffset?> GetLatestTimeAsync(string room, DateTimeOffset after, DateTimeOffset before, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<DateTimeOffset?>(null);

    /// <summary>One stored message of a room by id (redaction); null when there is none. Read-your-writes as <see cref="ReadAsync"/>.</summary>
    /// <param name="room">The room's name, any case.</param>
    /// <param name="id">The message's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The message, or null (also from histories without the notion).</returns>
    ValueTask<RoomMessage?> FindAsync(string room, long id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<RoomMessage?>(null);

    /// <summary>Removes one message of a room (redaction): later reads no longer return it. Never blocks.</summary>
    /// <param name="room">The room's name, any case.</param>
    /// <param name="id">The message's id.</param>
    /// <returns>A task that completes when the removal is durable.</returns>
    Task RemoveAsync(string room, long id) => Task.CompletedTask;

    /// <summary>
    /// Queues one room event (a join, part, quit, kick or topic change: <see cref="RoomMessage.Kind"/>)
    /// for IRC's draft/event-playback; fire and forget, never blocks, never waited for (a join storm
    /// must not wait for the disk). Only <see cref="ReadWithEventsAsync"/> returns events. Histories
    /// without the notion drop it.
    /// </summary>
    /// <param name="entry">The event, with an id from the hub's <see cref="Cluster.IIdAllocator"/>.</param>
    void AppendEvent(RoomMessage entry)
    {
    }

    /// <summary>As <see cref="ReadAsync"/>, with the room's events (<see cref="AppendEvent"/>) among the messages.</summary>
    /// <param name="room">The room's name, any case.</param>
    /// <param name="count">Most entries to return, at least 1.</param>
    /// <param name="beforeId">Only entries with a smaller id; null for the newest.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries, oldest first.</returns>
    ValueTask<IReadOnlyList<RoomMessage>> ReadWithEventsAsync(string room, int count, long? beforeId, CancellationToken cancellationToken = default) =>
        ReadAsync(room, count, beforeId, cancellationToken);
}

namespace Parley.Core.Messages;

/// <summary>
/// Port: durable messages. Writes are queued to one writer that commits them in batches (group
/// commit); <see cref="MessageReceipt.Committed"/> says when one message is durable.
/// </summary>
/// <remarks>
/// Thread-safe. Ids are assigned in the order of <see cref="Append"/> calls, and the writer
/// applies writes in that order, so a reader never sees a later message without an earlier one.
/// </remarks>
public interface IMessageStore
{
    /// <summary>Assigns the next id and queues the message; never blocks on the disk.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The stored message and a task that completes when it is durable.</returns>
    MessageReceipt Append(NewMessage message);

    /// <summary>Completes when every write queued before the call is committed (read-your-writes).</summary>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>A task that completes when the writes are durable.</returns>
    Task FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>The oldest direct messages that wait for <paramref name="accountId"/>, oldest first.</summary>
    /// <param name="accountId">The recipient.</param>
    /// <param name="limit">How many at most.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Up to <paramref name="limit"/> messages in id order.</returns>
    ValueTask<IReadOnlyList<ChatMessage>> GetUndeliveredAsync(long accountId, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many direct messages wait for <paramref name="accountId"/>.</summary>
    /// <param name="accountId">The recipient.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The count.</returns>
    ValueTask<int> CountUndeliveredAsync(long accountId, CancellationToken cancellationToken = default);

    /// <summary>Marks the waiting messages of <paramref name="accountId"/> up to <paramref name="throughId"/> as delivered.</summary>
    /// <param name="accountId">The recipient.</param>
    /// <param name="throughId">The last id delivered.</param>
    /// <returns>A task that completes when the change is durable.</returns>
    Task MarkDeliveredAsync(long accountId, long throughId);

    /// <summary>The newest messages matching <paramref name="query"/>, returned oldest first.</summary>
    /// <param name="query">Direct messages of one account with one nick, or broadcasts.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Up to <see cref="HistoryQuery.Limit"/> messages in id order.</returns>
    ValueTask<IReadOnlyList<ChatMessage>> GetHistoryAsync(HistoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The nicks <paramref name="accountId"/> exchanged direct messages with strictly between
    /// <paramref name="after"/> and <paramref name="before"/>, each with the time of its newest
    /// message there. Stores without the notion return none.
    /// </summary>
    /// <param name="accountId">Whose direct messages.</param>
    /// <param name="after">The window's start (exclusive), UTC.</param>
    /// <param name="before">The window's end (exclusive), UTC.</param>
    /// <param name="limit">How many nicks at most, 1 or more.</param>
    /// <param name="newest">True: the <paramref name="limit"/> most recently active; false: the least.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Up to <paramref name="limit"/> nicks, in no particular order.</returns>
    ValueTask<IReadOnlyList<HistoryTarget>> GetTargetsAsync(long accountId, DateTimeOffset after, DateTimeOffset before, int limit, bool newest, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<HistoryTarget>>([]);

    /// <summary>One stored message by id, with the accounts it links (redaction); null when none. Stores without the notion return null.</summary>
    /// <param name="id">The message's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The message, or null.</returns>
    ValueTask<StoredMessage?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<StoredMessage?>(null);

    /// <summary>Removes one message (redaction): history no longer returns it. Never blocks.</summary>
    /// <param name="id">The message's id.</param>
    /// <returns>A task that completes when the removal is durable.</returns>
    Task RemoveAsync(long id) => Task.CompletedTask;
}

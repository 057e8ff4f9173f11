using Parley.Core.Rooms;

namespace Parley.Core.Routing;

/// <summary>
/// A room's announcements (joins, parts, quits, kicks) handed to its members in the order they were
/// made, by one worker at a time, in turns of about <see cref="DeliveriesPerTurn"/> deliveries with
/// the thread given back between turns. A join storm into one room is then one tenant of the thread
/// pool's queue, not one per joiner, and a neighbour's line waits for one turn per hop.
/// Part of the in-process router (<see cref="InProcessEventRouter.Announce"/>): one per room
/// (<see cref="Room.Announcer"/>), the hubs reach it only through <see cref="IEventRouter"/>.
/// </summary>
/// <remarks>
/// <para>Thread-safe. An announcement to at most <see cref="DeliveriesPerTurn"/> members while
/// nothing is queued is delivered at once on the caller's thread (a small room, as before).</para>
/// <para>Announcements queued meanwhile are delivered as a batch: turn by turn over the member
/// indices, each turn handing a few members every event of the batch, in order. Snapshots of one
/// <see cref="Room.MembershipEpoch"/> only grew by appends, so index i is the same session in each
/// of them and every member sees the batch's events in queue order; a snapshot of another epoch
/// starts a new batch. A member's events of one turn reach its outbox back to back, so its write
/// loop sends them in one flush.</para>
/// </remarks>
internal sealed class RoomAnnouncer
{
    /// <summary>Deliveries per turn: 128. A turn is tens of microseconds.</summary>
    internal const int DeliveriesPerTurn = 128;

    /// <summary>The most announcements delivered together: 256 (one member's share of a turn when the batch is full).</summary>
    internal const int MaxBatch = 256;

    private readonly Lock _lock = new();
    private readonly Queue<RoomAnnouncement> _queue = new();
    private bool _busy;
    // Made only when a test asks (WhenIdle), completed when the worker stops: nothing on the way of
    // an announcement but a null check under the lock it holds anyway.
    private TaskCompletionSource? _idle;

    /// <summary>True while announcements are queued or being delivered (tests).</summary>
    internal bool IsBusy
    {
        get
        {
            lock (_lock)
                return _busy;
        }
    }

    /// <summary>
    /// Completes when nothing is queued or being delivered: at once when idle, else when the worker
    /// stops (on its thread). A test hook, so tests await the worker instead of polling
    /// <see cref="IsBusy"/>; announcements posted meanwhile delay it.
    /// </summary>
    internal Task WhenIdle()
    {
        lock (_lock)
            return _busy ? (_idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task : Task.CompletedTask;
    }

    /// <summary>Hands <paramref name="chatEvent"/> to <paramref name="members"/> after every earlier announcement; does not wait.</summary>
    /// <param name="members">The members to tell, a snapshot taken under the room's lock.</param>
    /// <param name="epoch">The room's membership epoch of that snapshot.</param>
    /// <param name="chatEvent">The event.</param>
    /// <param name="skip">Members not to tell (checked at delivery), or null.</param>
    public void Announce(RoomMember[] members, int epoch, Events.ChatEvent chatEvent, Func<Sessions.ChatSession, bool>? skip = null) =>
        Post(members, epoch, chatEvent, skip, wait: false);

    /// <summary>As <see cref="Announce"/>, with a task to await the delivery.</summary>
    /// <param name="members">The members to tell, a snapshot taken under the room's lock.</param>
    /// <param name="epoch">The room's membership epoch of that snapshot.</param>
    /// <param name="chatEvent">The event.</param>
    /// <returns>Completes once every member was handed the event (at once for a small idle room).</returns>
    public ValueTask AnnounceAsync(RoomMember[] members, int epoch, Events.ChatEvent chatEvent) =>
        Post(members, epoch, chatEvent, null, wait: true) is { } done ? new ValueTask(done.Task) : default;

    private TaskCompletionSource? Post(RoomMember[] members, int epoch, Events.ChatEvent chatEvent, Func<Sessions.ChatSession, bool>? skip, bool wait)
    {
        RoomAnnouncement? queued = null;
        bool start;
        lock (_lock)
        {
            if (!_busy && members.Length <= DeliveriesPerTurn)
            {
                _busy = true;
                start = false;
            }
            else
            {
                queued = new RoomAnnouncement(members, epoch, chatEvent, skip, wait ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null);
                _queue.Enqueue(queued);
                start = !_busy;
                _busy = true;
            }
        }

        if (queued is null)
        {
            // Claimed while idle: deliver here; whatever was queued meanwhile follows.
            try
            {
                Deliver(members, chatEvent, skip, 0, members.Length);
            }
            finally
            {
                Release();
            }

            return null;
        }

        if (start)
            _ = RunAsync();
        return queued.Done;
    }

    private void Release()
    {
        lock (_lock)
        {
            if (_queue.Count == 0)
            {
                _busy = false;
                TakeIdle()?.TrySetResult();
                return;
            }
        }

        _ = RunAsync();
    }

    // Called under _lock when _busy turns false; the waiters' continuations run asynchronously.
    private TaskCompletionSource? TakeIdle()
    {
        var idle = _idle;
        _idle = null;
        return idle;
    }

    // The one worker while _busy: batches in queue order, a yield before each batch and between turns.
    private async Task RunAsync()
    {
        var batch = new List<RoomAnnouncement>();
        while (true)
        {
            await Task.Yield();
            lock (_lock)
            {
                while (batch.Count < MaxBatch && _queue.TryPeek(out var next) && (batch.Count == 0 || next.Epoch == batch[0].Epoch))
                    batch.Add(_queue.Dequeue());
                if (batch.Count == 0)
                {
                    _busy = false;
                    TakeIdle()?.TrySetResult();
                    return;
                }
            }

            Exception? error = null;
            try
            {
                await DeliverInTurnsAsync(batch);
            }
            catch (Exception e)
            {
                // Sinks do not throw; if one did, the waiters see it and the queue goes on.
                error = e;
            }

            foreach (var announcement in batch)
            {
                if (error is null)
                    announcement.Done?.TrySetResult();
                else
                    announcement.Done?.TrySetException(error);
            }

            batch.Clear();
        }
    }

    private static async Task DeliverInTurnsAsync(List<RoomAnnouncement> batch)
    {
        var length = 0;
        foreach (var announcement in batch)
            length = Math.Max(length, announcement.Members.Length);
        var width = Math.Max(1, DeliveriesPerTurn / batch.Count);
        for (var start = 0; start < length; start += width)
        {
            if (start > 0)
                await Task.Yield();
            var end = Math.Min(length, start + width);
            foreach (var announcement in batch)
                Deliver(announcement.Members, announcement.Event, announcement.Skip, start, Math.Min(end, announcement.Members.Length));
        }
    }

    private static void Deliver(RoomMember[] members, Events.ChatEvent chatEvent, Func<Sessions.ChatSession, bool>? skip, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var session = members[i].Session;
            // A member gone since the snapshot (a crowd leaving at once) is not told.
            if (!session.HasLeft && (skip is null || !skip(session)))
                session.Sink.Deliver(chatEvent);
        }
    }
}

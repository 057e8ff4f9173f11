namespace Parley.FrontEnds.Irc;

/// <summary>
/// Pipelined commits: a PRIVMSG or NOTICE does not hold up the read loop until its message is
/// durable. What must follow the commit (the echo, <c>301</c>, <c>FAIL ... STORAGE_FAILED</c>)
/// waits in an ordered queue, and so does every reply queued after it, so replies keep command
/// order while the next message is already being routed. Commands other than unlabeled
/// PRIVMSG/NOTICE first wait for the queue to empty (<see cref="RepliesSentAsync"/>), so their
/// replies, held events and state changes never overtake an earlier message's confirmation.
/// </summary>
/// <remarks>
/// The queue is only added to by the read loop; it is drained by the continuation of the commit
/// at its head (a thread-pool thread), under <c>_orderLock</c>. Timers' <see cref="SendNow"/> may
/// land in it too, which costs them at most one commit's delay.
/// </remarks>
internal sealed partial class IrcConnection
{
    // Messages whose confirmations may wait for commits at once; one commit batch takes them all.
    private const int MaxPendingCommits = 256;

    private readonly Lock _orderLock = new();
    private readonly Queue<PendingReply> _waiting = new();
    private Action? _drainAction;
    private TaskCompletionSource? _drained;
    private volatile bool _ordering;
    private bool _draining;
    private int _pendingCommits;

    /// <summary>
    /// Runs <paramref name="then"/> once <paramref name="committed"/> completes and every reply
    /// queued before has been sent; at once when nothing waits and it is complete already.
    /// Read loop only; <paramref name="then"/> must not throw.
    /// </summary>
    public void AfterCommit(Task committed, Action<IrcConnection, Task, object> then, object state)
    {
        if (!_ordering && committed.IsCompleted)
        {
            then(this, committed, state);
            return;
        }

        lock (_orderLock)
        {
            var first = _waiting.Count == 0;
            _waiting.Enqueue(new PendingReply(default, committed, then, state));
            _pendingCommits++;
            _ordering = true;
            // Only the head's commit has a continuation: later ones are looked at when it drains.
            if (first)
                committed.GetAwaiter().UnsafeOnCompleted(_drainAction ??= Drain);
        }
    }

    /// <summary>True while enough confirmations wait that the read loop should let them catch up.</summary>
    public bool TooManyPendingCommits => _ordering && Volatile.Read(ref _pendingCommits) >= MaxPendingCommits;

    /// <summary>Whether <paramref name="command"/> may run while earlier confirmations still wait.</summary>
    private bool MayOvertakeConfirmations(string command) =>
        _label is null && command is "PRIVMSG" or "NOTICE" && !TooManyPendingCommits;

    /// <summary>Completes when every confirmation queued so far, and the replies behind it, went to the outbox.</summary>
    public Task RepliesSentAsync()
    {
        if (!_ordering)
            return Task.CompletedTask;
        lock (_orderLock)
        {
            if (!_ordering)
                return Task.CompletedTask;
            return (_drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    // Every reply's way to the outbox: behind the waiting confirmations, if any.
    private void Enqueue(ReadOnlyMemory<byte> bytes)
    {
        if (_ordering)
        {
            lock (_orderLock)
            {
                if (_ordering && !_draining)
                {
                    _waiting.Enqueue(new PendingReply(bytes, null, null, null));
                    return;
                }
            }
        }

        EnqueueNow(bytes);
    }

    private void EnqueueNow(ReadOnlyMemory<byte> bytes)
    {
        if (!bytes.IsEmpty)
            QueueFrame(bytes);
    }

    // Sends what is ready from the head of the queue; re-arms on the first commit still pending.
    private void Drain()
    {
        TaskCompletionSource? drained = null;
        lock (_orderLock)
        {
            while (_waiting.TryPeek(out var item))
            {
                if (item.Committed is { } committed)
                {
                    if (!committed.IsCompleted)
                    {
                        committed.GetAwaiter().UnsafeOnCompleted(_drainAction!);
                        return;
                    }

                    _waiting.Dequeue();
                    _pendingCommits--;
                    _draining = true;
                    try
                    {
                        item.Then!(this, committed, item.State!);
                    }
                    finally
                    {
                        _draining = false;
                    }
                }
                else
                {
                    _waiting.Dequeue();
                    if (Volatile.Read(ref _closing) == 0)
                        EnqueueNow(item.Bytes);
                }
            }

            _ordering = false;
            drained = _drained;
            _drained = null;
        }

        drained?.TrySetResult();
    }

    private readonly record struct PendingReply(
        ReadOnlyMemory<byte> Bytes, Task? Committed, Action<IrcConnection, Task, object>? Then, object? State);
}

using System.IO.Pipelines;
using System.Threading.Tasks.Sources;
using Microsoft.Extensions.Logging;

namespace Parley.FrontEnds.Connections;

/// <summary>
/// One connection's bounded outbound queue of frames (encoded lines, shared by all their
/// recipients) and the loop that drains it to the transport's <see cref="IFrameWriter"/>.
/// Producers (any thread) never wait: when the queued bytes would pass the budget (the sendq),
/// <see cref="TryEnqueue"/> refuses and the caller disconnects the slow consumer.
/// </summary>
/// <remarks>
/// <para>Thread-safe for any number of producers; <see cref="DrainAsync"/> runs once per connection.</para>
/// <para>A small ring of shared line buffers under a per-connection lock held for a few
/// instructions, and one reusable signal for the write loop, instead of an unbounded
/// <c>Channel</c>, whose 32-slot segment and wait operations were about 1.1 KiB per idle
/// connection (docs/benchmarks.md, fix 5). The ring is made on the first line, doubles when full,
/// and is dropped once empty when a burst grew it past <see cref="KeptCapacity"/>.</para>
/// <para><see cref="TryEnqueueOrWrite"/> skips the write loop's wake-up (a thread hop) when the
/// loop is idle with nothing queued: the producer writes and flushes the bytes itself, owning the
/// transport's writer meanwhile; other producers queue behind it and the loop, woken when the
/// producer lets go, takes the rest. A flush that cannot complete at once (a slow consumer) is
/// handed to the loop, so the producer never waits (docs/benchmarks.md, fix 12).</para>
/// </remarks>
internal sealed class Outbox(long maxBytes, FrontEndProtocol protocol) : IValueTaskSource<bool>
{
    /// <summary>The largest ring kept once empty, in lines (16 slots, 280 bytes); a bigger one was a burst's.</summary>
    internal const int KeptCapacity = 16;

    /// <summary>Bytes copied out of the ring per lock taken by <see cref="WriteQueued"/> (at least one line).</summary>
    internal const int BatchBytes = 16 * 1024;

    // Slots in a new ring, a power of two.
    private const int FirstCapacity = 4;

    private readonly Lock _lock = new();
    private ReadOnlyMemory<byte>[]? _ring;
    private int _head;
    private int _count;
    private bool _completed;
    private bool _readerWaiting;
    // Not readonly: a mutable struct. Continuations go to the thread pool, never run on a producer.
    private ManualResetValueTaskSourceCore<bool> _signal = new() { RunContinuationsAsynchronously = true };
    private long _queuedBytes;
    // The write loop's frame writer, while it runs; a producer may write to it only while _writing.
    private IFrameWriter? _output;
    // A producer owns _output (TryEnqueueOrWrite): the loop is not woken until it lets go.
    private bool _writing;
    // A wake-up (cancellation) that came while a producer owned _output.
    private bool _wakeDeferred;
    // A producer's flush that did not complete at once, or ended the transport: the loop awaits it first.
    private Task<FlushResult>? _pendingFlush;

    /// <summary>An outbox with no protocol tag on its metrics (tests).</summary>
    public Outbox(long maxBytes)
        : this(maxBytes, FrontEndProtocol.None)
    {
    }

    /// <summary>The protocol of this outbox's metrics.</summary>
    public FrontEndProtocol Protocol => protocol;

    /// <summary>Bytes queued and not yet handed to the transport.</summary>
    public long QueuedBytes
    {
        get
        {
            lock (_lock)
                return _queuedBytes;
        }
    }

    /// <summary>Slots of the ring held now: 0 before the first line and after a big burst drained (tests).</summary>
    internal int Capacity
    {
        get
        {
            lock (_lock)
                return _ring?.Length ?? 0;
        }
    }

    /// <summary>Queues <paramref name="bytes"/>, shared and never written to, without waiting.</summary>
    /// <returns>False when the budget would be exceeded or the outbox is completed.</returns>
    public bool TryEnqueue(ReadOnlyMemory<byte> bytes)
    {
        bool wake;
        lock (_lock)
        {
            // The budget is counted under the lock the line is queued under anyway: no second
            // atomic operation per line (a room message is one TryEnqueue per member).
            if (_completed || _queuedBytes + bytes.Length > maxBytes)
                return false;

            _queuedBytes += bytes.Length;
            Push(bytes);
            wake = TakeWaitingReader();
        }

        if (wake)
            _signal.SetResult(true);
        return true;
    }

    /// <summary>
    /// As <see cref="TryEnqueue"/>, but when the write loop is waiting with nothing queued, writes
    /// and flushes <paramref name="bytes"/> to the transport on the calling thread instead of
    /// waking the loop: one thread hop fewer for a line that arrives alone (a direct message).
    /// Never waits: a flush that does not complete at once is left to the loop.
    /// </summary>
    /// <returns>False when the budget would be exceeded or the outbox is completed.</returns>
    public bool TryEnqueueOrWrite(ReadOnlyMemory<byte> bytes)
    {
        IFrameWriter? output = null;
        var wake = false;
        lock (_lock)
        {
            // Counted under the lock as TryEnqueue counts: an atomic add outside it raced the
            // plain ones inside and could lose an update, drifting the sendq's count.
            if (_completed || _queuedBytes + bytes.Length > maxBytes)
                return false;

            if (_readerWaiting && _count == 0 && !_writing && _pendingFlush is null && _output is { } idle)
            {
                // Written now, never queued: not counted.
                _writing = true;
                output = idle;
            }
            else
            {
                _queuedBytes += bytes.Length;
                Push(bytes);
                wake = TakeWaitingReader();
            }
        }

        if (output is null)
        {
            if (wake)
                _signal.SetResult(true);
            return true;
        }

        WriteNow(output, bytes);
        return true;
    }

    /// <summary>Accepts nothing more; <see cref="DrainAsync"/> ends once the queue is written.</summary>
    public void Complete()
    {
        bool wake;
        lock (_lock)
        {
            if (_completed)
                return;
            _completed = true;
            wake = TakeWaitingReader();
        }

        if (wake)
            _signal.SetResult(true);
    }

    /// <summary>Writes every frame queued now to <paramref name="output"/> without waiting; the write loop's inner step.</summary>
    /// <returns>Bytes written.</returns>
    /// <remarks>
    /// Writes a batch of frames per lock taken (up to <see cref="BatchBytes"/>), not one frame per
    /// lock: under a room's fan-out every member's loop drains dozens of lines per wake-up, and the
    /// lock and the copy of each slot out of the ring were the largest share of its CPU
    /// (docs/benchmarks.md, fix 15). The bound keeps a producer's wait for the lock short while a
    /// long backlog is copied.
    /// </remarks>
    public long WriteQueued(IFrameWriter output)
    {
        long written = 0;
        while (true)
        {
            var batch = WriteBatch(output);
            if (batch == 0)
                return written;
            written += batch;
        }
    }

    /// <summary>
    /// A connection's write loop: drains the queue to <paramref name="transport"/> until completed
    /// or the peer is gone, flushing once per burst, then cancels the pending read (so the read
    /// loop ends too) and completes the output.
    /// </summary>
    /// <param name="transport">The connection's frame transport.</param>
    /// <param name="logger">Told (at debug) of the transport error that ended the loop.</param>
    /// <param name="sessionId">The session, for that log line.</param>
    /// <param name="cancellationToken">Ends the loop.</param>
    /// <remarks>One async state machine per connection (the drain loop is this method's own, not
    /// awaited from another), and no closure for the log: each is bytes held by every idle
    /// connection (docs/benchmarks.md, fix 17).</remarks>
    public Task PumpAsync(FrameTransport transport, ILogger logger, long sessionId, CancellationToken cancellationToken = default) =>
        RunAsync(transport, transport, logger, sessionId, cancellationToken);

    /// <summary>Writes queued frames to <paramref name="output"/>, flushing once per batch, until completed.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task DrainAsync(IFrameWriter output, CancellationToken cancellationToken = default) =>
        RunAsync(output, null, null, 0, cancellationToken);

    // The write loop; with a transport (PumpAsync), its errors are logged and its sides completed.
    private async Task RunAsync(IFrameWriter output, FrameTransport? transport, ILogger? logger, long sessionId, CancellationToken cancellationToken)
    {
        if (transport is not null)
            await Task.Yield();
        try
        {
            // One registration per connection (not one per wait): it wakes the loop, which then throws.
            using var registration = cancellationToken.UnsafeRegister(static state => ((Outbox)state!).Wake(), this);
            lock (_lock)
                _output = output;
            try
            {
                while (await WaitToReadAsync(cancellationToken))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (TakePendingFlush() is { } pending)
                    {
                        var pendingResult = await pending;
                        if (pendingResult.IsCompleted || pendingResult.IsCanceled)
                            return;
                    }

                    FrontEndMetrics.Written(WriteQueued(output), FrontEndMetrics.TagOf(protocol));

                    // Flushing waits while the transport's own buffer is full; meanwhile producers keep
                    // filling the queue, which is what trips the budget for a client that stopped reading.
                    var flush = await output.FlushAsync(cancellationToken);
                    if (flush.IsCompleted || flush.IsCanceled)
                        return;
                }

                cancellationToken.ThrowIfCancellationRequested();
            }
            finally
            {
                // Only while the loop waits may a producer take the writer, and it is not waiting now.
                lock (_lock)
                    _output = null;
            }
        }
        catch (Exception e) when (logger is not null && e is IOException or OperationCanceledException or InvalidOperationException or Microsoft.AspNetCore.Connections.ConnectionResetException)
        {
            FrontEndLog.TransportError(logger, sessionId, e);
        }
        finally
        {
            // Only while the loop waits may a producer take the writer, and it is not waiting now.
            lock (_lock)
                _output = null;
            if (transport is not null)
            {
                // Everything queued is written (or the peer is gone): stop reading too.
                transport.CancelPendingRead();
                await transport.CompleteOutputAsync();
            }
        }
    }

    // True when there may be lines to write (or the loop was woken); false once completed and empty.
    private ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken)
    {
        short version;
        lock (_lock)
        {
            if (_count > 0 || _pendingFlush is not null)
                return new ValueTask<bool>(true);
            if (_completed)
                return new ValueTask<bool>(false);
            _signal.Reset();
            _readerWaiting = true;
            version = _signal.Version;
        }

        // A cancellation whose callback ran before the loop was waiting found no one to wake.
        if (cancellationToken.IsCancellationRequested)
            Wake();
        return new ValueTask<bool>(this, version);
    }

    private void Wake()
    {
        lock (_lock)
        {
            if (_writing)
            {
                _wakeDeferred = true;
                return;
            }

            if (!_readerWaiting)
                return;
            _readerWaiting = false;
        }

        _signal.SetResult(true);
    }

    // Under _lock: whether to wake the loop, which then counts as woken. Never while a producer owns the writer.
    private bool TakeWaitingReader()
    {
        if (_writing || !_readerWaiting)
            return false;
        _readerWaiting = false;
        return true;
    }

    private Task<FlushResult>? TakePendingFlush()
    {
        lock (_lock)
        {
            var pending = _pendingFlush;
            _pendingFlush = null;
            return pending;
        }
    }

    // The producer's side of TryEnqueueOrWrite: it owns the writer until the lock below.
    private void WriteNow(IFrameWriter output, ReadOnlyMemory<byte> bytes)
    {
        Task<FlushResult>? pending = null;
        try
        {
            output.WriteFrame(bytes);
            FrontEndMetrics.Written(bytes.Length, FrontEndMetrics.TagOf(protocol));
            var flush = output.FlushAsync();
            if (!flush.IsCompletedSuccessfully)
                pending = flush.AsTask();
            else if (flush.Result is var ended && (ended.IsCompleted || ended.IsCanceled))
                pending = Task.FromResult(ended);
        }
        catch (Exception e)
        {
            // The loop rethrows it where a failed flush of its own would be: PumpAsync reports it.
            pending = Task.FromException<FlushResult>(e);
        }

        bool wake;
        lock (_lock)
        {
            _writing = false;
            _pendingFlush = pending;
            wake = _readerWaiting && (_count > 0 || _completed || _wakeDeferred || pending is not null);
            _wakeDeferred = false;
            if (wake)
                _readerWaiting = false;
        }

        if (wake)
            _signal.SetResult(true);
    }

    // Under _lock.
    private void Push(ReadOnlyMemory<byte> bytes)
    {
        var ring = _ring ??= new ReadOnlyMemory<byte>[FirstCapacity];
        if (_count == ring.Length)
        {
            var grown = new ReadOnlyMemory<byte>[ring.Length * 2];
            for (var i = 0; i < _count; i++)
                grown[i] = ring[(_head + i) & (ring.Length - 1)];
            _ring = ring = grown;
            _head = 0;
        }

        ring[(_head + _count) & (ring.Length - 1)] = bytes;
        _count++;
    }

    // Writes queued frames, oldest first, until BatchBytes are written or the ring is empty, under
    // one lock; returns the bytes written (0 when nothing was queued).
    private long WriteBatch(IFrameWriter output)
    {
        lock (_lock)
        {
            if (_count == 0 || _ring is not { } ring)
                return 0;

            var mask = ring.Length - 1;
            var taken = 0;
            long copied = 0;
            while (taken < _count && copied < BatchBytes)
            {
                var frame = ring[(_head + taken) & mask];
                output.WriteFrame(frame);
                copied += frame.Length;
                taken++;
            }

            // Drop the references to the shared line buffers (one clear per contiguous run).
            var first = Math.Min(taken, ring.Length - _head);
            Array.Clear(ring, _head, first);
            if (taken > first)
                Array.Clear(ring, 0, taken - first);
            _head = (_head + taken) & mask;
            _count -= taken;
            _queuedBytes -= copied;
            if (_count == 0)
            {
                _head = 0;
                if (ring.Length > KeptCapacity)
                    _ring = null;
            }

            return copied;
        }
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _signal.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _signal.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _signal.OnCompleted(continuation, state, token, flags);
}

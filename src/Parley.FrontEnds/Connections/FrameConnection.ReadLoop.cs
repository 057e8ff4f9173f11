using System.Buffers;
using Parley.Core.Sessions;

namespace Parley.FrontEnds.Connections;

/// <summary>
/// The read loop: frames are taken from the transport, handed to the protocol one at a time and in
/// order (a command finishes and queues its reply before the next frame is read), with the
/// protocol's hooks for a frame over the bound, the input stamp and the input timer.
/// </summary>
internal abstract partial class FrameConnection
{
    /// <summary>Connects the session, then runs the connection until either side closes it.</summary>
    /// <param name="remoteAddress">The peer's address, for logs, bans and login limits.</param>
    /// <param name="security">TLS, client certificate and network trust, for the session.</param>
    /// <param name="cancellationToken">Cancels reading, e.g. when the transport is gone.</param>
    /// <returns>A task that completes when the connection is closed and cleaned up.</returns>
    /// <remarks>Not async itself: the address and security are not kept in the read loop's state machine, which every idle connection holds.</remarks>
    public Task RunAsync(string remoteAddress, ConnectionSecurity security, CancellationToken cancellationToken = default)
    {
        // Only now, with the connection built: the hub may close it from inside Connect.
        _session = Host.Hub.Connect(this, remoteAddress, security);
        return RunConnectedAsync(cancellationToken);
    }

    private async Task RunConnectedAsync(CancellationToken cancellationToken)
    {
        FrontEndLog.Opened(Logger, _session.Id, _session.RemoteAddress);
        var writer = _outbox.PumpAsync(_transport, Logger, _session.Id, cancellationToken);
        OnStarted();
        // A field, not a local: a local would keep the disposed timer alive in this state machine.
        _registrationTimer = Host.Time.CreateTimer(
            static state => ((FrameConnection)state!).OnRegistrationTimeout(), this, Host.Limits.RegistrationTimeout, Timeout.InfiniteTimeSpan);
        await using var inputTimer = StartInputTimer();

        var reason = "connection closed";
        try
        {
            // The read loop, inline: one state machine per connection, not two (docs/benchmarks.md, fix 17).
            while (Volatile.Read(ref _closing) == 0)
            {
                var result = await _transport.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                try
                {
                    while (Volatile.Read(ref _closing) == 0)
                    {
                        var status = _transport.TryReadFrame(ref buffer, out var frame);
                        if (status == FrameStatus.NeedMoreData)
                            break;
                        // Any frame is life, the empty keep-alive too (idle limit, liveness).
                        NoteInput();
                        if (status == FrameStatus.TooLong)
                        {
                            OnFrameTooLong();
                            continue;
                        }

                        await HandleFrameAsync(frame, cancellationToken);
                        // One connection's pipelined burst gives the thread back now and then.
                        await _fairness.AfterCommandAsync();
                    }

                    if (result.IsCompleted || result.IsCanceled)
                        return;
                }
                finally
                {
                    _transport.AdvanceTo(buffer.Start, buffer.End);
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or Microsoft.AspNetCore.Connections.ConnectionResetException)
        {
            FrontEndLog.TransportError(Logger, _session.Id, e);
            reason = "connection lost";
        }
        finally
        {
            Interlocked.Exchange(ref _registrationTimer, null)?.Dispose();
            reason = Volatile.Read(ref _closeReason) ?? reason;
            // Whatever comes later (a reply after its commit, an event) finds the connection closed and is dropped.
            var endedHere = Interlocked.Exchange(ref _closing, 1) == 0;
            OnReadLoopEnded();
            Hub.Disconnect(_session, reason);
            FrontEndLog.Closed(Logger, _session.Id, _session.Nick, Volatile.Read(ref _logReason) ?? reason);
            // A Close (or a slow-consumer drop) that marked the connection first completes the
            // outbox itself, after queueing its last line: completing it here could come first
            // and lose that line, as a timer's close racing the read loop's end once did.
            if (endedHere)
                _outbox.Complete();
            await writer;
            await _transport.CompleteInputAsync();
        }
    }

    /// <summary>Runs once the session is connected and the write loop started, before the first read (the line protocol's greeting).</summary>
    protected virtual void OnStarted()
    {
    }

    /// <summary>Starts the protocol's timer on input (idle limit, liveness), or returns null for none; disposed when the connection ends.</summary>
    protected abstract ITimer? StartInputTimer();

    /// <summary>Stamps the time of a frame; the read loop calls it for every frame, before handling it.</summary>
    protected abstract void NoteInput();

    /// <summary>Answers a frame over the protocol's bound (already discarded).</summary>
    protected abstract void OnFrameTooLong();

    /// <summary>
    /// Handles one frame: parses it and runs its command. The span is valid only until the method
    /// returns its task (it may be a pooled copy): parse first, then await.
    /// </summary>
    /// <param name="frame">One protocol line without its terminator.</param>
    /// <param name="cancellationToken">The connection's token.</param>
    /// <returns>Completes when the command is done; the next frame is read after it.</returns>
    protected abstract ValueTask HandleFrameAsync(ReadOnlySpan<byte> frame, CancellationToken cancellationToken);

    /// <summary>Runs when the read loop has ended, before the session leaves the hub.</summary>
    protected virtual void OnReadLoopEnded()
    {
    }

    private ValueTask HandleFrameAsync(in ReadOnlySequence<byte> frame, CancellationToken cancellationToken)
    {
        if (frame.IsSingleSegment)
            return HandleFrameAsync(frame.FirstSpan, cancellationToken);

        // A frame split across pipe segments: copied (at most the framer's bound) to be parsed whole.
        var length = (int)frame.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            frame.CopyTo(rented);
            return HandleFrameAsync(rented.AsSpan(0, length), cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;
using Parley.Core.Accounts;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line;

/// <summary>
/// One line-protocol connection: a read loop that frames, parses and dispatches lines in order,
/// and a write loop that drains the bounded <see cref="Outbox"/>. It is the session's sink.
/// </summary>
/// <remarks>
/// Commands run on the read loop only. <see cref="Deliver"/>, <see cref="Close"/> and
/// <see cref="Reply"/> may be called from any thread and never block.
/// </remarks>
internal sealed partial class LineConnection : ISessionSink
{
    // Commands whose replies may wait for commits at once; one commit batch takes all of them.
    private const int MaxPendingReplies = 256;

    private readonly IDuplexPipe _transport;
    private readonly LineFrontEnd _frontEnd;
    private readonly Action _abort;
    private readonly Outbox _outbox;
    private readonly LineFramer _framer = new();
    private readonly ChatSession _session;
    private readonly FloodGate? _flood;
    private readonly long _openedTimestamp;
    private readonly Lock _replyLock = new();
    // Replies waiting for a commit, in command order; only the head's commit has a continuation
    // (no task per message: issue 10, fix 13).
    private readonly Queue<PendingLineReply> _replies = new();
    private Action? _drainReplies;
    private TaskCompletionSource? _repliesSent;
    private int _pendingReplies;
    private int _closing;
    // Disposed once registered (OnRegistered): the idle timer is the one a registered connection keeps.
    private ITimer? _registrationTimer;
    private string? _closeReason;
    private string? _logReason;
    private ReadLoopFairness _fairness;

    public LineConnection(IDuplexPipe transport, LineFrontEnd frontEnd, string remoteAddress, ConnectionSecurity security, Action abort)
    {
        _transport = transport;
        _frontEnd = frontEnd;
        _abort = abort;
        _outbox = new Outbox(frontEnd.Limits.MaxOutboundBytes, FrontEndMetrics.Line);
        _openedTimestamp = frontEnd.Time.GetTimestamp();
        _flood = frontEnd.Limits.Flood.IsEnabled ? new FloodGate(frontEnd.Limits.Flood, frontEnd.Time) : null;
        _session = frontEnd.Hub.Connect(this, remoteAddress, security);
    }

    public ChatSession Session => _session;

    public ChatHub Hub => _frontEnd.Hub;

    public RoomHub Rooms => _frontEnd.Hub.Rooms;

    public AccountService Accounts => _frontEnd.Accounts;

    public AccountOptions AccountOptions => _frontEnd.AccountOptions;

    /// <summary>
    /// Whether this connection may carry a password (TLS, a trusted network, or
    /// <c>RequireForLogin</c> off); when not, replies <c>ERR TLS_REQUIRED</c> and returns false.
    /// </summary>
    public bool CheckPasswordAllowed()
    {
        if (_frontEnd.LoginPolicy.PasswordAllowed(_session.Security))
            return true;
        Reply(ChatErrorReplies.TlsRequired);
        return false;
    }

    /// <summary>The front-end's logger, for commands' log lines.</summary>
    public ILogger Logger => _frontEnd.Logger;

    /// <summary>Runs the connection until either side closes it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        FrontEndLog.Opened(Logger, _session.Id, _session.RemoteAddress);
        var writer = _outbox.PumpAsync(_transport, Logger, _session.Id, cancellationToken);
        Reply(_frontEnd.Greeting);
        var timeout = _frontEnd.Limits.RegistrationTimeout;
        // A field, not a local: a local would keep the disposed timer alive in this state machine.
        _registrationTimer = _frontEnd.Time.CreateTimer(
            static state => ((LineConnection)state!).OnRegistrationTimeout(), this, timeout, Timeout.InfiniteTimeSpan);
        await using var idleTimer = StartIdleTimer();

        var reason = "connection closed";
        try
        {
            // The read loop, inline: one state machine per connection, not two (docs/benchmarks.md, fix 17).
            var input = _transport.Input;
            while (Volatile.Read(ref _closing) == 0)
            {
                var result = await input.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                try
                {
                    while (Volatile.Read(ref _closing) == 0)
                    {
                        var status = _framer.TryReadLine(ref buffer, out var line);
                        if (status == LineFrameStatus.NeedMoreData)
                            break;
                        // Any line is life, the empty keep-alive too (the idle limit).
                        NoteInput();
                        if (status == LineFrameStatus.LineTooLong)
                        {
                            Reply(LineWriter.Error(LineErrorCodes.LineTooLong, $"lines are at most {_framer.MaxLineBytes} bytes"));
                            continue;
                        }

                        // A client that pipelines faster than the store commits waits here, so the
                        // replies held back for commits stay bounded.
                        if (Volatile.Read(ref _pendingReplies) >= MaxPendingReplies)
                            await RepliesSentAsync();

                        var parsed = Parse(line, out var request);
                        if (parsed == LineParseError.None)
                        {
                            var verdict = AdmitCommand(request);
                            if (verdict == FloodVerdict.Allowed)
                            {
                                await _frontEnd.Commands.DispatchAsync(this, request);
                                // One connection's pipelined burst gives the thread back now and then.
                                await _fairness.AfterCommandAsync();
                            }
                            else if (verdict == FloodVerdict.Abusive)
                            {
                                // Earlier commands' replies (some waiting for their commits) go out before BYE.
                                await RepliesSentAsync();
                                Close("flooding");
                            }
                        }
                        else if (parsed != LineParseError.Empty)
                        {
                            Reply(ErrorFor(parsed));
                        }
                    }

                    if (result.IsCompleted || result.IsCanceled)
                        return;
                }
                finally
                {
                    input.AdvanceTo(buffer.Start, buffer.End);
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
            // Replies still waiting for a commit find the connection closed and are dropped.
            Interlocked.Exchange(ref _closing, 1);
            Hub.Disconnect(_session, reason);
            FrontEndLog.Closed(Logger, _session.Id, _session.Nick, Volatile.Read(ref _logReason) ?? reason);
            _outbox.Complete();
            await writer;
            await _transport.Input.CompleteAsync();
        }
    }

    /// <summary>Queues a reply to this connection alone, after any earlier reply still waiting for a commit.</summary>
    public void Reply(byte[] line) => ReplyWhenStored(Task.CompletedTask, line, line);

    /// <summary>
    /// Queues a final reply that is sent once <paramref name="committed"/> completes: the
    /// durability promise (a message is confirmed only once stored). Replies keep command order:
    /// later replies wait behind this one, while the read loop goes on to the next command.
    /// </summary>
    /// <param name="committed">The store's commit of the command's message.</param>
    /// <param name="success">The reply when it committed.</param>
    /// <param name="failure">The reply when storing failed.</param>
    public void ReplyWhenStored(Task committed, byte[] success, byte[] failure)
    {
        lock (_replyLock)
        {
            if (_replies.Count == 0 && committed.IsCompleted)
            {
                // Reading the exception marks it observed; the store has logged it.
                Send(committed.Exception is null ? success : failure);
                return;
            }

            Interlocked.Increment(ref _pendingReplies);
            _replies.Enqueue(new PendingLineReply(committed, success, failure));
            if (_replies.Count == 1)
                committed.GetAwaiter().UnsafeOnCompleted(_drainReplies ??= DrainReplies);
        }
    }

    /// <summary>Completes when every reply queued so far has gone to the outbox.</summary>
    /// <remarks>
    /// Commands whose data lines reach the outbox by another way (the <c>MISSED</c> lines of a
    /// login arrive as events) await this first, so those lines follow earlier commands' replies.
    /// </remarks>
    public Task RepliesSentAsync()
    {
        lock (_replyLock)
        {
            if (_replies.Count == 0)
                return Task.CompletedTask;
            return (_repliesSent ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    // Sends the replies whose commits are done, in order; re-arms on the first still pending.
    private void DrainReplies()
    {
        TaskCompletionSource? sent;
        lock (_replyLock)
        {
            while (_replies.TryPeek(out var reply))
            {
                if (!reply.Committed.IsCompleted)
                {
                    reply.Committed.GetAwaiter().UnsafeOnCompleted(_drainReplies!);
                    return;
                }

                _replies.Dequeue();
                // Reading the exception marks it observed; the store has logged it.
                Send(reply.Committed.Exception is null ? reply.Success : reply.Failure);
                Interlocked.Decrement(ref _pendingReplies);
            }

            sent = _repliesSent;
            _repliesSent = null;
        }

        sent?.TrySetResult();
    }

    private void Send(byte[] line)
    {
        if (Volatile.Read(ref _closing) != 0)
            return;
        if (!_outbox.TryEnqueue(line))
            OnOutboxOverflow();
    }

    /// <inheritdoc />
    public void Deliver(ChatEvent chatEvent)
    {
        if (Volatile.Read(ref _closing) != 0)
            return;
        // The session that made a room change gets its OK instead of the ROOM notice (docs/protocol.md).
        if (chatEvent is RoomEvent { ActorSession: { } actor } && actor == _session)
            return;
        // A direct message usually arrives alone: written on the sender's thread when the write
        // loop is idle, instead of waking it (one thread hop fewer, docs/benchmarks.md fix 12).
        var bytes = chatEvent.GetBytes(LineEventEncoder.Instance);
        var queued = chatEvent is DirectMessageEvent ? _outbox.TryEnqueueOrWrite(bytes) : _outbox.TryEnqueue(bytes);
        if (!queued)
            OnOutboxOverflow();
    }

    /// <summary>The reason the log gives for the coming close, when the one sent holds the user's own text (a quit message).</summary>
    public void SetLogReason(string reason) => Volatile.Write(ref _logReason, reason);

    /// <inheritdoc />
    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
            return;
        Volatile.Write(ref _closeReason, reason);
        _outbox.TryEnqueue(LineWriter.Bye(reason));
        _outbox.Complete();
    }

    /// <summary>Called by the nick and login commands when the connection takes a nick.</summary>
    public void OnRegistered()
    {
        // The registration timeout is over once a nick is taken (a /logout later is not timed
        // again; before, only one within the first timeout was): an idle registered connection
        // holds no registration timer.
        Interlocked.Exchange(ref _registrationTimer, null)?.Dispose();
        FrontEndMetrics.Registered(_frontEnd.Time, _openedTimestamp, FrontEndMetrics.Line);
        FrontEndLog.Registered(Logger, _session.Id, _session.RemoteAddress, _session.Nick ?? "");
    }

    // Flood control: every command but /quit takes a token. Refused commands get ERR FLOOD (their
    // one final reply); a connection refused too often in a short window is closed with BYE (by
    // the caller, once earlier replies are out).
    private FloodVerdict AdmitCommand(in LineRequest request)
    {
        if (_flood is null || request.Command == "quit")
            return FloodVerdict.Allowed;
        var verdict = _flood.Check(out var retryAfter);
        switch (verdict)
        {
            case FloodVerdict.Allowed:
                break;
            case FloodVerdict.Refused:
                var wait = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalMilliseconds));
                Reply(LineWriter.Error(LineErrorCodes.Flood, $"slow down; retry in {wait} ms"));
                FrontEndMetrics.FloodRefused(FrontEndMetrics.Line);
                break;
            default:
                FrontEndMetrics.FloodDisconnected(FrontEndMetrics.Line);
                var flood = _frontEnd.Limits.Flood;
                FrontEndLog.Flooding(Logger, _session.Id, _session.Nick, _session.RemoteAddress, flood.DisconnectAfterRefusals, flood.RefusalWindow);
                break;
        }

        return verdict;
    }

    private static LineParseError Parse(in ReadOnlySequence<byte> line, out LineRequest request)
    {
        if (line.IsSingleSegment)
            return LineRequestParser.TryParse(line.FirstSpan, out request);

        // A line split across pipe segments: copy it (at most MaxLineBytes) to parse it whole.
        var rented = ArrayPool<byte>.Shared.Rent((int)line.Length);
        try
        {
            line.CopyTo(rented);
            return LineRequestParser.TryParse(rented.AsSpan(0, (int)line.Length), out request);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static byte[] ErrorFor(LineParseError error) => error switch
    {
        LineParseError.InvalidUtf8 => LineWriter.Error(LineErrorCodes.InvalidUtf8, "lines must be valid UTF-8"),
        LineParseError.ControlCharacter => LineWriter.Error(LineErrorCodes.Syntax, "control characters (CR, ESC, NUL...) are not allowed"),
        _ => LineWriter.Error(LineErrorCodes.Syntax, "malformed line; use @<nick>:<text> or /help"),
    };

    private void OnRegistrationTimeout()
    {
        if (_session.IsRegistered || Volatile.Read(ref _closing) != 0)
            return;
        FrontEndLog.RegistrationTimedOut(Logger, _session.Id, _session.RemoteAddress, _frontEnd.Limits.RegistrationTimeout);
        Close("registration timed out");
    }

    private void OnOutboxOverflow()
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
            return;
        Volatile.Write(ref _closeReason, "too slow to read");
        FrontEndMetrics.SlowConsumerDropped(FrontEndMetrics.Line);
        FrontEndLog.SlowConsumer(Logger, _session.Id, _session.Nick, _session.RemoteAddress, _frontEnd.Limits.MaxOutboundBytes);
        _outbox.Complete();
        // The peer is not reading, so a polite close would wait forever: drop the transport now.
        _abort();
        _transport.Input.CancelPendingRead();
    }
}

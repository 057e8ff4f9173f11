using Parley.Core.Accounts;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line;

/// <summary>
/// One line-protocol connection: the protocol over a <see cref="FrameConnection"/> (which owns the
/// read and write loops, close and the slow-consumer drop): lines parsed and dispatched through the
/// <see cref="LineCommandTable"/>, replies that wait for their commits, flood refusals. It is the
/// session's sink.
/// </summary>
/// <remarks>
/// Commands run on the read loop only. <see cref="Deliver"/>, <see cref="FrameConnection.Close"/> and
/// <see cref="Reply"/> may be called from any thread and never block.
/// </remarks>
internal sealed partial class LineConnection : FrameConnection
{
    // Commands whose replies may wait for commits at once; one commit batch takes all of them.
    private const int MaxPendingReplies = 256;

    private readonly LineFrontEnd _frontEnd;
    private readonly Lock _replyLock = new();
    // Replies waiting for a commit, in command order; only the head's commit has a continuation
    // (no task per message: issue 10, fix 13).
    private readonly Queue<PendingLineReply> _replies = new();
    private Action? _drainReplies;
    private TaskCompletionSource? _repliesSent;
    private int _pendingReplies;

    public LineConnection(FrameTransport transport, LineFrontEnd frontEnd)
        : base(transport, frontEnd, FrontEndProtocol.Line)
    {
        _frontEnd = frontEnd;
    }

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

    /// <inheritdoc />
    public override bool IsRegistered => _session.IsRegistered;

    /// <inheritdoc />
    protected override IConnectionHost Host => _frontEnd;

    /// <inheritdoc />
    protected override string SlowConsumerReason => "too slow to read";

    /// <inheritdoc />
    protected override string RegistrationTimeoutReason => "registration timed out";

    /// <inheritdoc />
    protected override void OnStarted() => Reply(_frontEnd.Greeting);

    /// <inheritdoc />
    protected override void OnFrameTooLong() =>
        Reply(LineWriter.Error(LineErrorCodes.LineTooLong, $"lines are at most {LineFramer.DefaultMaxLineBytes} bytes"));

    /// <inheritdoc />
    protected override ValueTask HandleFrameAsync(ReadOnlySpan<byte> frame, CancellationToken cancellationToken)
    {
        var parsed = LineRequestParser.TryParse(frame, out var request);
        if (parsed == LineParseError.None)
            return RunCommandAsync(request);
        if (parsed != LineParseError.Empty)
            Reply(ErrorFor(parsed));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override byte[] CloseFrame(string reason) => LineWriter.Bye(reason);

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
        if (!IsClosing)
            QueueFrame(line);
    }

    /// <inheritdoc />
    public override void Deliver(ChatEvent chatEvent)
    {
        if (IsClosing)
            return;
        // The session that made a room change gets its OK instead of the ROOM notice (docs/protocol.md).
        if (chatEvent is RoomEvent roomEvent && roomEvent.ActorSessionId == _session.Id)
            return;
        // A direct message usually arrives alone: written on the sender's thread when the write
        // loop is idle, instead of waking it (one thread hop fewer, docs/benchmarks.md fix 12).
        var bytes = chatEvent.GetBytes(LineEventEncoder.Instance);
        if (chatEvent is DirectMessageEvent)
            QueueOrWriteFrame(bytes);
        else
            QueueFrame(bytes);
    }

    /// <summary>Called by the nick and login commands when the connection takes a nick.</summary>
    public void OnRegistered()
    {
        // The registration timeout is over once a nick is taken (a /logout later is not timed
        // again; before, only one within the first timeout was): an idle registered connection
        // holds no registration timer.
        MarkRegistered();
        FrontEndLog.Registered(Logger, _session.Id, _session.RemoteAddress, _session.Nick ?? "");
    }

    // Flood control: every command but /quit takes a token. Refused commands get ERR FLOOD (their
    // one final reply); a connection refused too often in a short window is closed with BYE (by
    // the caller, once earlier replies are out).
    private FloodVerdict AdmitCommand(in LineRequest request)
    {
        if (Flood is not { } gate || request.Command == "quit")
            return FloodVerdict.Allowed;
        var verdict = gate.Check(out var retryAfter);
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

    // A command parsed from a frame: waits while too many replies wait for commits, then takes a
    // flood token and runs.
    private async ValueTask RunCommandAsync(LineRequest request)
    {
        // A client that pipelines faster than the store commits waits here, so the replies held
        // back for commits stay bounded.
        if (Volatile.Read(ref _pendingReplies) >= MaxPendingReplies)
            await RepliesSentAsync();

        var verdict = AdmitCommand(request);
        if (verdict == FloodVerdict.Allowed)
        {
            try
            {
                await _frontEnd.Commands.DispatchAsync(this, request);
            }
            catch (Parley.Core.Storage.StoreUnavailableException)
            {
                // A store that is down (PostgreSQL restarting) fails this command, not the connection.
                Reply(StoreUnavailableReply);
            }
        }
        else if (verdict == FloodVerdict.Abusive)
        {
            // Earlier commands' replies (some waiting for their commits) go out before BYE.
            await RepliesSentAsync();
            Close("flooding");
        }
    }

    private static readonly byte[] StoreUnavailableReply =
        LineWriter.Error(LineErrorCodes.StorageFailed, "the server's store is unavailable; nothing was changed, try again in a moment");

    private static byte[] ErrorFor(LineParseError error) => error switch
    {
        LineParseError.InvalidUtf8 => LineWriter.Error(LineErrorCodes.InvalidUtf8, "lines must be valid UTF-8"),
        LineParseError.ControlCharacter => LineWriter.Error(LineErrorCodes.Syntax, "control characters (CR, ESC, NUL...) are not allowed"),
        _ => LineWriter.Error(LineErrorCodes.Syntax, "malformed line; use @<nick>:<text> or /help"),
    };
}

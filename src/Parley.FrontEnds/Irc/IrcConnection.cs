using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Sessions;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// One IRC connection, shaped like <see cref="Line.LineConnection"/>: a read loop that frames,
/// parses and dispatches messages in order, and a write loop that drains the bounded
/// <see cref="Outbox"/>. It is the session's sink.
/// </summary>
/// <remarks>
/// Commands run on the read loop only, and so do the registration and reply-buffer state.
/// <see cref="Deliver"/> and <see cref="Close"/> may be called from any thread and never block;
/// the enabled capabilities are read by them, so they are volatile.
/// </remarks>
internal sealed partial class IrcConnection : ISessionSink
{
    // Stands for a command word IRC's grammar refuses (FOO_BAR): no command has this name, so the
    // table answers 421 with the word sent, which is the message's one parameter.
    internal const string UnknownCommandVerb = "UNKNOWNCOMMAND";

    // Never spin: wait at least this long for a token.
    private static readonly TimeSpan MinFloodDelay = TimeSpan.FromMilliseconds(1);

    private readonly IDuplexPipe _transport;
    private readonly IrcFrontEnd _frontEnd;
    private readonly Action _abort;
    private readonly Outbox _outbox;
    private readonly IrcFramer _framer = new(IrcLimits.MaxClientTagBytes);
    private readonly ChatSession _session;
    private readonly FloodGate? _flood;
    private readonly long _openedTimestamp;
    private volatile int _capabilities;
    private int _closing;
    private string? _closeReason;
    private string? _logReason;
    private ReadLoopFairness _fairness;
    // Disposed once registered: an idle registered connection holds no timer but the liveness one.
    private ITimer? _registrationTimer;

    public IrcConnection(IDuplexPipe transport, IrcFrontEnd frontEnd, string remoteAddress, ConnectionSecurity security, Action abort)
    {
        _transport = transport;
        _frontEnd = frontEnd;
        _abort = abort;
        _outbox = new Outbox(frontEnd.Limits.MaxOutboundBytes, FrontEndMetrics.Irc);
        _openedTimestamp = frontEnd.Time.GetTimestamp();
        _lastInputTicks = frontEnd.Time.GetUtcNow().UtcTicks;
        _flood = frontEnd.Limits.Flood.IsEnabled ? new FloodGate(frontEnd.Limits.Flood, frontEnd.Time) : null;
        _session = frontEnd.Hub.Connect(this, remoteAddress, security);
    }

    public ChatSession Session => _session;

    public ChatHub Hub => _frontEnd.Hub;

    public IrcFrontEnd FrontEnd => _frontEnd;

    public string ServerName => _frontEnd.ServerName;

    /// <summary>The capabilities enabled with CAP REQ.</summary>
    public IrcCapabilities Capabilities
    {
        get => (IrcCapabilities)_capabilities;
        set => _capabilities = (int)value;
    }

    /// <summary>This user's <c>nick!user@host</c>.</summary>
    public string Mask => IrcEventEncoder.Mask(_session.Nick ?? "*", _session.UserAddress);

    /// <summary>The UTF-8 length of <see cref="Mask"/>, counted without building it (once per message).</summary>
    public int MaskByteCount => IrcEventEncoder.MaskByteCount(_session.Nick ?? "*", _session.UserAddress);

    public bool Has(IrcCapabilities capability) => (Capabilities & capability) == capability;

    internal ILogger Logger => _frontEnd.Logger;

    /// <summary>The tags this connection's capabilities ask for on events (message-tags: all of them).</summary>
    public IrcEventTags EventTags
    {
        get
        {
            var caps = Capabilities;
            if ((caps & IrcCapabilities.MessageTags) != 0)
                return IrcEventTags.All;
            return ((caps & IrcCapabilities.ServerTime) != 0 ? IrcEventTags.Time : IrcEventTags.None)
                | ((caps & IrcCapabilities.AccountTag) != 0 ? IrcEventTags.Account : IrcEventTags.None);
        }
    }

    /// <summary>Runs the connection until either side closes it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        FrontEndLog.Opened(Logger, _session.Id, _session.RemoteAddress);
        var writer = _outbox.PumpAsync(_transport, Logger, _session.Id, cancellationToken);
        var time = _frontEnd.Time;
        // A field, not a local: a local would keep the disposed timer alive in this state machine.
        _registrationTimer = time.CreateTimer(
            static state => ((IrcConnection)state!).OnRegistrationTimeout(), this, _frontEnd.Limits.RegistrationTimeout, Timeout.InfiniteTimeSpan);
        await using var livenessTimer = StartLivenessTimer();

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
                        if (status == IrcFrameStatus.NeedMoreData)
                            break;
                        NoteInput();
                        if (status is IrcFrameStatus.LineTooLong or IrcFrameStatus.TagsTooLong)
                        {
                            Numeric(IrcNumerics.ERR_INPUTTOOLONG, "Input line was too long");
                            continue;
                        }

                        await HandleLineAsync(line, cancellationToken);
                        // One connection's pipelined burst gives the thread back now and then.
                        await _fairness.AfterCommandAsync();
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
            if (_invisible)
                _frontEnd.CountInvisible(-1);
            Hub.Disconnect(_session, reason);
            FrontEndLog.Closed(Logger, _session.Id, _session.Nick, Volatile.Read(ref _logReason) ?? reason);
            _outbox.Complete();
            await writer;
            await _transport.Input.CompleteAsync();
        }
    }

    /// <inheritdoc />
    public void Deliver(ChatEvent chatEvent) => DeliverCore(chatEvent, hold: true);

    /// <summary>Logs that this session created <paramref name="room"/> by joining it.</summary>
    public void LogRoomCreated(string room) => FrontEndLog.RoomCreated(Logger, _session.Id, _session.Nick, room);
    /// <inheritdoc />
    /// <remarks>False: IRC shows quits and nick changes only to users sharing a channel (the hub routes them through the rooms).</remarks>
    public bool SeesAllPresence => false;

    // Every way to registration (NICK/USER, PASS, SASL) ends here: latency for the metrics.
    private void RecordRegistered()
    {
        FrontEndMetrics.Registered(_frontEnd.Time, _openedTimestamp, FrontEndMetrics.Irc);
        Interlocked.Exchange(ref _registrationTimer, null)?.Dispose();
    }

    private void DeliverCore(ChatEvent chatEvent, bool hold)
    {
        if (Volatile.Read(ref _closing) != 0 || (hold && TryHold(chatEvent)))
            return;
        // The fan-out's hot case first: another member's room message passes none of the checks
        // below (monitors, filters, fallbacks), only multiline needs its own encoding.
        if (chatEvent is RoomMessageEvent { IsEcho: false } && !Has(IrcCapabilities.Multiline))
        {
            EnqueueShared(chatEvent);
            return;
        }

        NotifyMonitors(chatEvent);
        if (!ShouldDeliver(chatEvent))
            return;
        if (chatEvent is HostChangedEvent changed && !Has(IrcCapabilities.Chghost))
        {
            SendHostChangeFallback(changed);
            return;
        }

        if (chatEvent is RoomMemberJoinedEvent joined && Has(IrcCapabilities.ExtendedJoin))
        {
            // extended-join's JOIN is formatted per recipient: joins are rare next to messages, and
            // a cache slot per capability combination would grow every event (docs/irc.md).
            Enqueue(IrcMessageFormatter.Format(
                IrcRoomEvents.ExtendedJoin(IrcEventEncoder.Mask(joined.Nick, joined.ActorAddress), joined.Room, joined.Account, joined.RealName)
                    .WithTags(IrcEventTagger.TagsOf(chatEvent, EventTags, 0))));
            return;
        }

        if (Has(IrcCapabilities.Multiline) && IrcMultilineRelay.IsMultiline(chatEvent))
        {
            // A multiline message as one draft/multiline batch, formatted per recipient (rare).
            Enqueue(IrcMultilineRelay.Encode(chatEvent, EventTags));
            return;
        }

        EnqueueShared(chatEvent);
    }

    // The common sets of tags are encoded once per event and shared; the rare rest per recipient.
    private void EnqueueShared(ChatEvent chatEvent)
    {
        var encoder = _frontEnd.EncoderFor(EventTags);
        var bytes = encoder.IsCached ? chatEvent.GetBytes(encoder) : encoder.Encode(chatEvent);
        if (bytes.IsEmpty)
            return;
        // A direct message usually arrives alone: written on the sender's thread when the write
        // loop is idle, instead of waking it (one thread hop fewer, docs/benchmarks.md fix 12).
        var queued = chatEvent is DirectMessageEvent ? _outbox.TryEnqueueOrWrite(bytes) : _outbox.TryEnqueue(bytes);
        if (!queued)
            OnOutboxOverflow();
    }

    /// <summary>The reason the log gives for the coming close, when the one sent holds the user's own text (a quit message).</summary>
    public void SetLogReason(string reason) => Volatile.Write(ref _logReason, reason);

    /// <inheritdoc />
    /// <remarks>Sends <c>ERROR :Closing Link: nick[host] (reason)</c>, as ircds do, then closes.</remarks>
    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
            return;
        Volatile.Write(ref _closeReason, reason);
        // _session is null when the hub closes the connection from inside Connect (shutdown).
        var who = _session?.Nick ?? "*";
        _outbox.TryEnqueue(IrcMessageFormatter.Format(null, "ERROR", $"Closing Link: {who}[{ChatSession.CloakedHost}] ({IrcText.ForWire(reason)})"));
        _outbox.Complete();
    }

    private ValueTask HandleLineAsync(in ReadOnlySequence<byte> line, CancellationToken cancellationToken)
    {
        IrcParseStatus status;
        IrcMessage? message;
        string? command = null;
        var unknownTags = System.Collections.Immutable.ImmutableArray<IrcTag>.Empty;
        if (line.IsSingleSegment)
        {
            status = IrcMessageParser.TryParse(line.FirstSpan, out message, IrcLimits.MaxClientTagBytes);
            if (status == IrcParseStatus.InvalidUtf8)
                command = IrcMessageParser.PeekCommand(line.FirstSpan);
            else if (status == IrcParseStatus.InvalidCommand && IrcMessageParser.TryReadInvalidCommand(line.FirstSpan, out unknownTags, out var verb))
                command = verb;
        }
        else
        {
            // A line split across pipe segments: copy it (bounded by the framer) to parse it whole.
            var length = (int)line.Length;
            var rented = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                line.CopyTo(rented);
                status = IrcMessageParser.TryParse(rented.AsSpan(0, length), out message, IrcLimits.MaxClientTagBytes);
                if (status == IrcParseStatus.InvalidUtf8)
                    command = IrcMessageParser.PeekCommand(rented.AsSpan(0, length));
                else if (status == IrcParseStatus.InvalidCommand && IrcMessageParser.TryReadInvalidCommand(rented.AsSpan(0, length), out unknownTags, out var verb))
                    command = verb;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        if (status == IrcParseStatus.Success)
            return DispatchAsync(message!, cancellationToken);
        if (status == IrcParseStatus.InvalidUtf8)
            SendNow(new IrcMessage(ServerName, "FAIL", command ?? "*", "INVALID_UTF8", "Message rejected: this server takes UTF-8 only"));
        // A command word that is not letters or digits (FOO_BAR) is an unknown command like any
        // other: 421, with the request's label (IRCv3 labeled-response).
        if (status == IrcParseStatus.InvalidCommand && command is not null)
            return DispatchAsync(new IrcMessage(null, UnknownCommandVerb, command).WithTags(unknownTags), cancellationToken);

        // Empty lines and lines that are not IRC (bad tags, no command) are dropped silently, as
        // servers do: answering garbage only feeds a confused peer more garbage.
        return ValueTask.CompletedTask;
    }

    private async ValueTask DispatchAsync(IrcMessage message, CancellationToken cancellationToken)
    {
        if (_flood is not null && message.Command is not ("QUIT" or "PONG"))
        {
            // Flood control as fakelag (Ergo, ircd-ratbox): without a token the command waits for
            // one instead of being refused, so a paste arrives slowly but whole. Meanwhile nothing
            // more is read: the flooder's lines wait in the transport's bounded buffer and its
            // socket, and only its own commands are delayed. The bucket and the wait run on the
            // front-end's clock (a fake one in tests).
            var delayed = false;
            while (!_flood.TryTake(out var retryAfter))
            {
                if (!delayed)
                {
                    delayed = true;
                    FrontEndMetrics.FloodDelayed(FrontEndMetrics.Irc);
                }

                await Task.Delay(retryAfter > MinFloodDelay ? retryAfter : MinFloodDelay, _frontEnd.Time, cancellationToken);
                if (Volatile.Read(ref _closing) != 0)
                    return;
            }
        }

        BeginCommand(message);
        try
        {
            if (_ordering && !MayOvertakeConfirmations(message.Command))
                await RepliesSentAsync();
            await _frontEnd.Commands.DispatchAsync(this, message);
        }
        finally
        {
            EndCommand();
            ReleaseEventsHeldForCommand();
        }
    }

    private void OnOutboxOverflow()
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
            return;
        // Ergo's wording, which IRC users and bots recognise.
        Volatile.Write(ref _closeReason, "SendQ exceeded");
        FrontEndMetrics.SlowConsumerDropped(FrontEndMetrics.Irc);
        FrontEndLog.SlowConsumer(Logger, _session.Id, _session.Nick, _session.RemoteAddress, _frontEnd.Limits.MaxOutboundBytes);
        _outbox.Complete();
        // The peer is not reading, so a polite close would wait forever: drop the transport now.
        _abort();
        _transport.Input.CancelPendingRead();
    }
}

using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Sessions;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// One IRC connection: the protocol over a <see cref="FrameConnection"/> (which owns the read and
/// write loops, close and the slow-consumer drop): messages parsed and dispatched through the
/// <see cref="IrcCommandTable"/>, registration, capabilities, labeled replies, fakelag. It is the
/// session's sink.
/// </summary>
/// <remarks>
/// Commands run on the read loop only, and so do the registration and reply-buffer state.
/// <see cref="Deliver"/> and <see cref="FrameConnection.Close"/> may be called from any thread and never block;
/// the enabled capabilities are read by them, so they are volatile.
/// </remarks>
internal sealed partial class IrcConnection : FrameConnection
{
    // Stands for a command word IRC's grammar refuses (FOO_BAR): no command has this name, so the
    // table answers 421 with the word sent, which is the message's one parameter.
    internal const string UnknownCommandVerb = "UNKNOWNCOMMAND";

    // Never spin: wait at least this long for a token.
    private static readonly TimeSpan MinFloodDelay = TimeSpan.FromMilliseconds(1);

    private readonly IrcFrontEnd _frontEnd;
    private volatile int _capabilities;

    public IrcConnection(FrameTransport transport, IrcFrontEnd frontEnd)
        : base(transport, frontEnd, FrontEndProtocol.Irc)
    {
        _frontEnd = frontEnd;
        _lastInputTicks = frontEnd.Time.GetUtcNow().UtcTicks;
    }

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

    /// <inheritdoc />
    protected override IConnectionHost Host => _frontEnd;

    /// <inheritdoc />
    /// <remarks>Ergo's wording, which IRC users and bots recognise.</remarks>
    protected override string SlowConsumerReason => "SendQ exceeded";

    /// <inheritdoc />
    protected override string RegistrationTimeoutReason => "Registration timed out";

    /// <inheritdoc />
    protected override void OnFrameTooLong() => Numeric(IrcNumerics.ERR_INPUTTOOLONG, "Input line was too long");

    /// <inheritdoc />
    protected override void OnReadLoopEnded()
    {
        if (_invisible)
            _frontEnd.CountInvisible(-1);
    }

    /// <inheritdoc />
    public override void Deliver(ChatEvent chatEvent) => DeliverCore(chatEvent, hold: true);

    /// <summary>Logs that this session created <paramref name="room"/> by joining it.</summary>
    public void LogRoomCreated(string room) => FrontEndLog.RoomCreated(Logger, _session.Id, _session.Nick, room);
    /// <inheritdoc />
    /// <remarks>False: IRC shows quits and nick changes only to users sharing a channel (the hub routes them through the rooms).</remarks>
    public override bool SeesAllPresence => false;

    private void DeliverCore(ChatEvent chatEvent, bool hold)
    {
        if (IsClosing || (hold && TryHold(chatEvent)))
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
        if (chatEvent is DirectMessageEvent)
            QueueOrWriteFrame(bytes);
        else
            QueueFrame(bytes);
    }

    /// <inheritdoc />
    /// <remarks><c>ERROR :Closing Link: nick[host] (reason)</c>, as ircds close a link.</remarks>
    protected override byte[] CloseFrame(string reason)
    {
        // _session is null when the hub closes the connection from inside Connect (shutdown, a ban).
        var who = _session?.Nick ?? "*";
        return IrcMessageFormatter.Format(null, "ERROR", $"Closing Link: {who}[{ChatSession.CloakedHost}] ({IrcText.ForWire(reason)})");
    }

    /// <inheritdoc />
    protected override ValueTask HandleFrameAsync(ReadOnlySpan<byte> frame, CancellationToken cancellationToken)
    {
        string? command = null;
        var unknownTags = System.Collections.Immutable.ImmutableArray<IrcTag>.Empty;
        var status = IrcMessageParser.TryParse(frame, out var message, IrcLimits.MaxClientTagBytes);
        if (status == IrcParseStatus.InvalidUtf8)
            command = IrcMessageParser.PeekCommand(frame);
        else if (status == IrcParseStatus.InvalidCommand && IrcMessageParser.TryReadInvalidCommand(frame, out unknownTags, out var verb))
            command = verb;

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
        if (Flood is { } flood && message.Command is not ("QUIT" or "PONG"))
        {
            // Flood control as fakelag (Ergo, ircd-ratbox): without a token the command waits for
            // one instead of being refused, so a paste arrives slowly but whole. Meanwhile nothing
            // more is read: the flooder's lines wait in the transport's bounded buffer and its
            // socket, and only its own commands are delayed. The bucket and the wait run on the
            // front-end's clock (a fake one in tests).
            var delayed = false;
            while (!flood.TryTake(out var retryAfter))
            {
                if (!delayed)
                {
                    delayed = true;
                    FrontEndMetrics.FloodDelayed(FrontEndMetrics.Irc);
                }

                await Task.Delay(retryAfter > MinFloodDelay ? retryAfter : MinFloodDelay, Host.Time, cancellationToken);
                if (IsClosing)
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
        catch (Parley.Core.Storage.StoreUnavailableException)
        {
            // A store that is down (PostgreSQL restarting) fails this command, not the connection (IRCv3 standard replies).
            SendNow(new IrcMessage(ServerName, "FAIL", message.Command, "TEMPORARILY_UNAVAILABLE", "The server's store is unavailable; try again in a moment"));
        }
        finally
        {
            EndCommand();
            ReleaseEventsHeldForCommand();
        }
    }
}

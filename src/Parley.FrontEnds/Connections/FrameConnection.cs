using Microsoft.Extensions.Logging;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.FrontEnds.Connections;

/// <summary>
/// What every protocol's connection shares, over a <see cref="FrameTransport"/>: the session (this
/// is its sink), the bounded <see cref="Outbox"/> and its write loop, the flood gate, the
/// registration timeout, the protocol's input timer, the read loop that hands each frame to the
/// protocol in order (<see cref="RunAsync"/>), close, and the slow-consumer drop. A protocol
/// (<c>LineConnection</c>, <c>IrcConnection</c>) adds only its commands, replies and registration
/// rules, through the abstract members.
/// </summary>
/// <remarks>
/// <para>Built first, connected second: the front-end constructs the connection and
/// <see cref="RunAsync"/> then opens its session with <see cref="ChatHub.Connect(ISessionSink, string, ConnectionSecurity)"/>,
/// which may call <see cref="Close"/> at once (shutdown, a server ban). So the hub never sees a
/// half-built sink, and no override runs before its class's constructor has.</para>
/// <para>Commands run on the read loop only. <see cref="Deliver"/> and <see cref="Close"/> may be
/// called from any thread and never block.</para>
/// <para>One async state machine per connection here (<see cref="RunAsync"/>, the read loop inline)
/// and one in the outbox (<see cref="Outbox.PumpAsync"/>): each is bytes held by every idle
/// connection (docs/architecture.md, "A connection's way in").</para>
/// </remarks>
internal abstract partial class FrameConnection : ISessionSink
{
    private readonly FrameTransport _transport;
    private readonly Outbox _outbox;
    private readonly long _openedTimestamp;
    private string? _closeReason;
    private string? _logReason;
    private ReadLoopFairness _fairness;
    // Disposed once registered: an idle registered connection holds no timer but its input timer.
    private ITimer? _registrationTimer;

    // The session, set by RunAsync's Connect (null before it: Close must not need it); and 1 once
    // the connection is closing. Not private: the protocols' partials read both on every path.
    private protected ChatSession _session = null!;
    private protected int _closing;

    /// <summary>Builds the connection; nothing is read, written or connected until <see cref="RunAsync"/>.</summary>
    /// <param name="transport">The connection's frames.</param>
    /// <param name="host">The front-end: its limits now give the sendq budget and the flood gate.</param>
    /// <param name="protocol">The protocol tag of the connection's metrics.</param>
    protected FrameConnection(FrameTransport transport, IConnectionHost host, KeyValuePair<string, object?> protocol)
    {
        _transport = transport;
        var limits = host.Limits;
        _outbox = new Outbox(limits.MaxOutboundBytes, protocol);
        _openedTimestamp = host.Time.GetTimestamp();
        Flood = limits.Flood.IsEnabled ? new FloodGate(limits.Flood, host.Time) : null;
    }

    /// <summary>The connection's session (set once <see cref="RunAsync"/> has connected it).</summary>
    public ChatSession Session => _session;

    /// <summary>The chat core.</summary>
    public ChatHub Hub => Host.Hub;

    /// <summary>The front-end's logger, for commands' log lines.</summary>
    public ILogger Logger => Host.Logger;

    /// <summary>True once the protocol's registration is done; until then the registration timeout runs.</summary>
    public abstract bool IsRegistered { get; }

    /// <inheritdoc />
    public virtual bool SeesAllPresence => true;

    /// <summary>The front-end, read on every use (no field of its own here: the protocol's class keeps it).</summary>
    protected abstract IConnectionHost Host { get; }

    /// <summary>Flood control, or null when it is off.</summary>
    protected FloodGate? Flood { get; }

    /// <summary>True once the connection is closing: nothing more is queued for it.</summary>
    protected bool IsClosing => Volatile.Read(ref _closing) != 0;

    /// <summary>Why the coming close is logged, when the reason sent holds the user's own text (a quit message).</summary>
    public void SetLogReason(string reason) => Volatile.Write(ref _logReason, reason);

    /// <inheritdoc />
    public abstract void Deliver(ChatEvent chatEvent);

    /// <inheritdoc />
    public virtual void DeliverWatched(ChatEvent chatEvent)
    {
    }

    /// <inheritdoc />
    /// <remarks>Queues the protocol's last line (<see cref="CloseFrame"/>) and completes the outbox; the write loop ends the rest.</remarks>
    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
            return;
        Volatile.Write(ref _closeReason, reason);
        _outbox.TryEnqueue(CloseFrame(reason));
        _outbox.Complete();
    }

    /// <summary>Queues a frame (shared bytes, never written to); a full sendq drops the connection as a slow consumer.</summary>
    protected void QueueFrame(ReadOnlyMemory<byte> frame)
    {
        if (!_outbox.TryEnqueue(frame))
            OnOutboxOverflow();
    }

    /// <summary>
    /// As <see cref="QueueFrame"/>, but written and flushed on the calling thread when the write loop
    /// is idle with nothing queued (<see cref="Outbox.TryEnqueueOrWrite"/>): for a direct message,
    /// which usually arrives alone (one thread hop fewer, docs/benchmarks.md fix 12).
    /// </summary>
    protected void QueueOrWriteFrame(ReadOnlyMemory<byte> frame)
    {
        if (!_outbox.TryEnqueueOrWrite(frame))
            OnOutboxOverflow();
    }

    /// <summary>Ends the registration timeout and records the time registration took; every way to registration calls it once.</summary>
    protected void MarkRegistered()
    {
        Interlocked.Exchange(ref _registrationTimer, null)?.Dispose();
        FrontEndMetrics.Registered(Host.Time, _openedTimestamp, _outbox.Protocol);
    }

    /// <summary>The protocol's last line for a close (<c>BYE reason</c>, IRC's <c>ERROR :Closing Link</c>); may run before <see cref="Session"/> is set.</summary>
    protected abstract byte[] CloseFrame(string reason);

    /// <summary>The close reason of a slow consumer, in the protocol's wording.</summary>
    protected abstract string SlowConsumerReason { get; }

    /// <summary>The close reason when registration times out, in the protocol's wording.</summary>
    protected abstract string RegistrationTimeoutReason { get; }

    private void OnRegistrationTimeout()
    {
        if (IsRegistered || Volatile.Read(ref _closing) != 0)
            return;
        FrontEndLog.RegistrationTimedOut(Logger, _session.Id, _session.RemoteAddress, Host.Limits.RegistrationTimeout);
        Close(RegistrationTimeoutReason);
    }

    private void OnOutboxOverflow()
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
            return;
        Volatile.Write(ref _closeReason, SlowConsumerReason);
        FrontEndMetrics.SlowConsumerDropped(_outbox.Protocol);
        FrontEndLog.SlowConsumer(Logger, _session.Id, _session.Nick, _session.RemoteAddress, Host.Limits.MaxOutboundBytes);
        _outbox.Complete();
        // The peer is not reading, so a polite close would wait forever: drop the transport now.
        _transport.Abort();
        _transport.CancelPendingRead();
    }
}

using Parley.FrontEnds.Connections;

namespace Parley.FrontEnds.Line;

/// <summary>
/// The idle limit of registered line connections (<see cref="ConnectionLimits.IdleTimeout"/>): a
/// connection that sends nothing, not even an empty line, for that long is closed with
/// <c>BYE idle timeout</c>. Off by default, so an <c>nc</c> user who only reads is never dropped;
/// dead peers are found by TCP keep-alive instead (docs/protocol.md).
/// </summary>
/// <remarks>
/// As IRC's liveness check: the read loop only stamps the time of each line; one one-shot timer
/// checks the stamp when due and re-arms itself for the remainder, so no timer is reset per line.
/// </remarks>
internal sealed partial class LineConnection
{
    private long _lastInputTimestamp;
    private ITimer? _idleTimer;

    // Taken when the timer starts: a reload that changes the limit (to 0, off) must not change a running check.
    private TimeSpan _idleTimeout;

    /// <inheritdoc />
    protected override void NoteInput() => Volatile.Write(ref _lastInputTimestamp, _frontEnd.Time.GetTimestamp());

    /// <inheritdoc />
    protected override ITimer? StartInputTimer()
    {
        var timeout = _frontEnd.Limits.IdleTimeout;
        if (timeout <= TimeSpan.Zero)
            return null;
        _idleTimeout = timeout;
        NoteInput();
        var timer = _frontEnd.Time.CreateTimer(
            static state => ((LineConnection)state!).OnIdleCheck(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _idleTimer = timer;
        timer.Change(timeout, Timeout.InfiniteTimeSpan);
        return timer;
    }

    private void OnIdleCheck()
    {
        if (Volatile.Read(ref _closing) != 0 || _idleTimer is not { } timer)
            return;
        var timeout = _idleTimeout;
        var idle = _frontEnd.Time.GetElapsedTime(Volatile.Read(ref _lastInputTimestamp));
        if (idle >= timeout && _session.IsRegistered)
        {
            FrontEndLog.IdleTimedOut(Logger, _session.Id, _session.Nick, timeout);
            Close("idle timeout");
            return;
        }

        // Not registered yet: the registration timeout is the limit; look again a full period later.
        var next = idle >= timeout ? timeout : timeout - idle;
        try
        {
            timer.Change(next, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The connection ended while this check ran.
        }
    }
}

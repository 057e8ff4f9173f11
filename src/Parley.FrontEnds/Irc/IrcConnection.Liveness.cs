using Parley.FrontEnds.Connections;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// Idle detection: a client that sends nothing for <see cref="IrcOptions.IdleTimeout"/> gets a
/// <c>PING</c>; if it still sends nothing for <see cref="IrcOptions.PingTimeout"/>, it is closed
/// with "Ping timeout". Any line counts as life, not only PONG.
/// </summary>
/// <remarks>
/// The read loop only stamps the time of the last line (no timer reset per line); one one-shot
/// timer checks that stamp when due and re-arms itself for the remainder. Its callbacks never
/// overlap, since only the callback re-arms it, so the ping state needs no lock.
/// </remarks>
internal sealed partial class IrcConnection
{
    private long _lastInputTicks;
    private long _pingSentTicks;
    private ITimer? _livenessTimer;

    /// <summary>How long since this connection last sent a line (WHOX's idle field); any thread.</summary>
    public TimeSpan IdleFor(DateTimeOffset now) =>
        TimeSpan.FromTicks(Math.Max(0, now.UtcTicks - Volatile.Read(ref _lastInputTicks)));

    /// <inheritdoc />
    protected override void NoteInput() => Volatile.Write(ref _lastInputTicks, _frontEnd.Time.GetUtcNow().UtcTicks);

    /// <inheritdoc />
    protected override ITimer? StartInputTimer()
    {
        var timer = _frontEnd.Time.CreateTimer(
            static state => ((IrcConnection)state!).OnLivenessCheck(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _livenessTimer = timer;
        timer.Change(_frontEnd.Options.IdleTimeout, Timeout.InfiniteTimeSpan);
        return timer;
    }

    private void OnLivenessCheck()
    {
        if (Volatile.Read(ref _closing) != 0 || _livenessTimer is not { } timer)
            return;
        var options = _frontEnd.Options;
        var now = _frontEnd.Time.GetUtcNow().UtcTicks;
        var lastInput = Volatile.Read(ref _lastInputTicks);
        TimeSpan next;
        if (_pingSentTicks != 0 && lastInput < _pingSentTicks)
        {
            var waited = TimeSpan.FromTicks(now - _pingSentTicks);
            if (waited >= options.PingTimeout)
            {
                FrontEndLog.PingTimedOut(Logger, _session.Id, _session.Nick, options.PingTimeout);
                Close($"Ping timeout: {(int)Math.Ceiling(options.PingTimeout.TotalSeconds)} seconds");
                return;
            }

            next = options.PingTimeout - waited;
        }
        else
        {
            _pingSentTicks = 0;
            var idle = TimeSpan.FromTicks(now - lastInput);
            if (idle >= options.IdleTimeout)
            {
                _pingSentTicks = now;
                SendNow(new IrcMessage(null, "PING", ServerName));
                next = options.PingTimeout;
            }
            else
            {
                next = options.IdleTimeout - idle;
            }
        }

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

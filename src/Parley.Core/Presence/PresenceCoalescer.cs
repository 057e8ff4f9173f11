using Parley.Core.Events;

namespace Parley.Core.Presence;

/// <summary>
/// Server-wide arrivals and departures (<see cref="UserJoinedEvent"/>, <see cref="UserLeftEvent"/>)
/// for the sessions that see everyone's presence (the line protocol), coalesced so that n users
/// arriving or leaving at once cost each recipient a few lines, not n (Ergo's issue #1974).
/// </summary>
/// <remarks>
/// <para>The first <see cref="ImmediatePerWindow"/> events after a quiet period go out at once,
/// one line each, as they always did. Later ones, until a window of <see cref="Window"/> passes
/// with none, wait for the one shared timer tick: then a kind with one event still gets its own
/// line, a kind with several one summary (<see cref="PresenceSummaryEvent"/>), joins before
/// leaves. So a recipient gets at most a few presence lines per window however many users come
/// and go, and the total grows linearly with the users leaving times the users told.</para>
/// <para>Thread-safe. Events are taken under a short lock that nothing else is done under;
/// delivery happens outside it, from the publishing thread (immediate) or the timer.</para>
/// </remarks>
internal sealed class PresenceCoalescer
{
    /// <summary>Events of a quiet period delivered at once, one line each.</summary>
    public const int ImmediatePerWindow = 8;

    /// <summary>How long events wait to be coalesced once a burst has begun: 1 s (with 100 ms the ticks' fan-out to 5,000 line users slowed registrations at 1,000/s to a 117 ms median; docs/benchmarks.md).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Action<ChatEvent, OnlineNick?> _deliver;
    private readonly ITimer _timer;
    private List<PresenceItem> _pending = [];
    private int _immediateLeft;
    private bool _armed;

    /// <summary>Creates the coalescer.</summary>
    /// <param name="deliver">Hands an event to every session that sees all presence, except the nick given (null: nobody excepted).</param>
    /// <param name="time">The clock of the shared tick.</param>
    public PresenceCoalescer(Action<ChatEvent, OnlineNick?> deliver, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        ArgumentNullException.ThrowIfNull(time);
        _deliver = deliver;
        _timer = time.CreateTimer(static state => ((PresenceCoalescer)state!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Announces an arrival or a departure of <paramref name="subject"/> (not told to itself).</summary>
    /// <param name="chatEvent">A <see cref="UserJoinedEvent"/> or <see cref="UserLeftEvent"/>.</param>
    /// <param name="subject">The nick that came or went; null when it is not this node's (a dead node's user).</param>
    public void Publish(ChatEvent chatEvent, OnlineNick? subject)
    {
        var now = false;
        lock (_lock)
        {
            if (!_armed)
            {
                _armed = true;
                _immediateLeft = ImmediatePerWindow;
                _timer.Change(Window, Timeout.InfiniteTimeSpan);
            }

            if (_immediateLeft > 0 && _pending.Count == 0)
            {
                _immediateLeft--;
                now = true;
            }
            else
            {
                _pending.Add(new PresenceItem(chatEvent, subject));
            }
        }

        if (now)
            _deliver(chatEvent, subject);
    }

    private void Tick()
    {
        List<PresenceItem> batch;
        lock (_lock)
        {
            batch = _pending;
            if (batch.Count == 0)
            {
                // A quiet window: the next event goes out at once again.
                _armed = false;
                return;
            }

            _pending = [];
        }

        // Nothing new is delivered at once while this runs: the budget stays spent until a quiet tick.
        Flush(batch, joined: true);
        Flush(batch, joined: false);
        lock (_lock)
            _timer.Change(Window, Timeout.InfiniteTimeSpan);
    }

    private void Flush(List<PresenceItem> batch, bool joined)
    {
        PresenceItem? single = null;
        var count = 0;
        foreach (var item in batch)
        {
            if (item.Event is UserJoinedEvent == joined)
            {
                single ??= item;
                count++;
            }
        }

        if (count == 0)
            return;
        if (count == 1)
        {
            // One user: today's line, exactly.
            _deliver(single!.Value.Event, single.Value.Subject);
            return;
        }

        var names = new List<string>(Math.Min(count, PresenceSummaryEvent.MaxNames));
        foreach (var item in batch)
        {
            if (names.Count == PresenceSummaryEvent.MaxNames)
                break;
            if (item.Event is UserJoinedEvent == joined)
                names.Add(item.Subject?.Nick ?? (item.Event as UserLeftEvent)?.Nick ?? "");
        }

        _deliver(new PresenceSummaryEvent(joined, count, names) { Time = batch[^1].Event.Time }, null);
    }

    private readonly record struct PresenceItem(ChatEvent Event, OnlineNick? Subject);
}

using Microsoft.Extensions.Time.Testing;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>Presence in bursts: coalesced per window for sessions that see everyone, routed through rooms for the others.</summary>
public sealed class PresenceCoalescingTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ChatHub _hub;

    public PresenceCoalescingTests() => _hub = TestHubs.Create(time: _time);

    [Fact]
    public void One_user_quitting_is_told_at_once_as_its_own_event()
    {
        var (_, aliceSink) = Register("alice");
        var (bob, _) = Register("bob");
        aliceSink.Events.Clear();

        _hub.Quit(bob, "lunch");

        var left = Assert.IsType<UserLeftEvent>(Assert.Single(aliceSink.Events));
        Assert.Equal(("bob", "lunch"), (left.Nick, left.Reason));
    }

    [Fact]
    public void A_burst_of_departures_is_one_summary_per_window_after_the_first_few()
    {
        var (_, aliceSink) = Register("alice");
        var leavers = Enumerable.Range(0, 30).Select(i => Register("u" + i).Session).ToList();
        _time.Advance(PresenceCoalescer.Window); // the arrivals' burst ends
        _time.Advance(PresenceCoalescer.Window); // and a quiet window passes
        aliceSink.Events.Clear();

        foreach (var session in leavers)
            _hub.Disconnect(session, "connection closed");

        Assert.Equal(PresenceCoalescer.ImmediatePerWindow, aliceSink.Events.Count);
        Assert.All(aliceSink.Events, e => Assert.IsType<UserLeftEvent>(e));
        _time.Advance(PresenceCoalescer.Window);

        var summary = Assert.IsType<PresenceSummaryEvent>(aliceSink.Events[^1]);
        Assert.Equal(PresenceCoalescer.ImmediatePerWindow + 1, aliceSink.Events.Count);
        Assert.False(summary.Joined);
        Assert.Equal(30 - PresenceCoalescer.ImmediatePerWindow, summary.Count);
        Assert.Equal(leavers.Skip(PresenceCoalescer.ImmediatePerWindow).Take(PresenceSummaryEvent.MaxNames).Select(s => s.Nick), summary.Nicks);
    }

    [Fact]
    public void Lines_per_recipient_stay_bounded_however_many_arrive_in_one_window()
    {
        var (_, aliceSink) = Register("alice");
        _time.Advance(PresenceCoalescer.Window);
        _time.Advance(PresenceCoalescer.Window);
        aliceSink.Events.Clear();

        for (var i = 0; i < 500; i++)
            Register("n" + i);
        _time.Advance(PresenceCoalescer.Window);

        Assert.Equal(PresenceCoalescer.ImmediatePerWindow + 1, aliceSink.Events.Count);
        var summary = Assert.IsType<PresenceSummaryEvent>(aliceSink.Events[^1]);
        Assert.True(summary.Joined);
        Assert.Equal(500 - PresenceCoalescer.ImmediatePerWindow, summary.Count);
    }

    [Fact]
    public void After_a_quiet_window_the_next_event_goes_out_at_once_again()
    {
        var (_, aliceSink) = Register("alice");
        for (var i = 0; i < 20; i++)
            Register("n" + i);
        _time.Advance(PresenceCoalescer.Window);
        _time.Advance(PresenceCoalescer.Window);
        aliceSink.Events.Clear();

        Register("late");

        Assert.Equal("late", Assert.IsType<UserJoinedEvent>(Assert.Single(aliceSink.Events)).Nick);
    }

    [Fact]
    public async Task Sessions_seeing_presence_per_room_get_a_quit_only_from_a_room_peer_and_no_arrivals()
    {
        var ircSink = new RoomOnlySink();
        var irc = _hub.Connect(ircSink, "127.0.0.1");
        _hub.Register(irc, "ircuser");
        var (peer, _) = Register("peer");
        var (stranger, _) = Register("stranger");
        await _hub.Rooms.JoinAsync(irc, "#a", null);
        await _hub.Rooms.JoinAsync(peer, "#a", null);
        ircSink.Events.Clear();

        _hub.Quit(stranger, null);
        _hub.Quit(peer, "bye");

        Assert.Equal("peer", Assert.Single(ircSink.Events.OfType<UserLeftEvent>()).Nick);
        Assert.Empty(ircSink.Events.OfType<UserJoinedEvent>());
    }

    private (ChatSession Session, RecordingSink Sink) Register(string nick)
    {
        var sink = new RecordingSink();
        var session = _hub.Connect(sink, "127.0.0.1");
        Assert.Equal(ChatError.None, _hub.Register(session, nick));
        return (session, sink);
    }
}

using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>What the core tells about presence for protocols that show it per shared room (IRC).</summary>
public sealed class RoomPresenceTests
{
    private readonly ChatHub _hub = TestHubs.Create();

    [Fact]
    public async Task Quit_carries_the_rooms_it_left_and_the_per_room_events_say_the_nick_is_gone()
    {
        var (alice, aliceSink) = Register("alice");
        var (bob, _) = Register("bob");
        await _hub.Rooms.JoinAsync(alice, "#a", null);
        await _hub.Rooms.JoinAsync(alice, "#b", null);
        await _hub.Rooms.JoinAsync(bob, "#a", null);
        await _hub.Rooms.JoinAsync(bob, "#b", null);
        var rooms = bob.Rooms;

        _hub.Quit(bob, "lunch");

        var left = Assert.Single(aliceSink.Events.OfType<UserLeftEvent>());
        Assert.Equal(rooms.Select(r => r.Name).Order(), left.Rooms.Order());
        Assert.All(aliceSink.Events.OfType<RoomMemberLeftEvent>(), e => Assert.False(e.NickStays));
        Assert.Equal(2, aliceSink.Events.OfType<RoomMemberLeftEvent>().Count());
        Assert.True(left.Rooms.All(alice.IsInRoom));
    }

    [Fact]
    public async Task Room_events_carry_the_actors_address()
    {
        var (alice, aliceSink) = Register("alice");
        var (bob, _) = Register("bob");
        bob.SetUserInfo("bobby", "Bob");
        await _hub.Rooms.JoinAsync(alice, "#a", null);

        await _hub.Rooms.JoinAsync(bob, "#a", null);
        await _hub.Rooms.SayAsync(bob, "#a", "hi");

        Assert.All(aliceSink.Events.OfType<RoomEvent>(), e => Assert.Equal(new UserAddress("bobby", ChatSession.CloakedHost), e.ActorAddress));
        Assert.Equal(2, aliceSink.Events.OfType<RoomEvent>().Count());
    }

    [Fact]
    public async Task Set_away_tells_each_room_peer_once_and_nobody_outside_and_only_on_a_change()
    {
        var (alice, aliceSink) = Register("alice");
        var (bob, _) = Register("bob");
        var (_, carolSink) = Register("carol");
        await _hub.Rooms.JoinAsync(alice, "#a", null);
        await _hub.Rooms.JoinAsync(alice, "#b", null);
        await _hub.Rooms.JoinAsync(bob, "#a", null);
        await _hub.Rooms.JoinAsync(bob, "#b", null);

        _hub.SetAway(bob, "lunch");
        _hub.SetAway(bob, "lunch");
        _hub.SetAway(bob, null);

        Assert.Equal([("bob", "lunch"), ("bob", null)], aliceSink.Events.OfType<AwayChangedEvent>().Select(e => (e.Nick, e.Message)));
        Assert.Empty(carolSink.Events.OfType<AwayChangedEvent>());
    }

    [Fact]
    public async Task Nick_change_carries_the_rooms_of_the_session()
    {
        var (alice, aliceSink) = Register("alice");
        var (bob, _) = Register("bob");
        await _hub.Rooms.JoinAsync(alice, "#a", null);
        await _hub.Rooms.JoinAsync(bob, "#a", null);

        Assert.Equal(ChatError.None, _hub.Register(bob, "robert"));

        var renamed = Assert.Single(aliceSink.Events.OfType<NickChangedEvent>());
        Assert.True(renamed.Rooms.All(alice.IsInRoom));
        Assert.Single(renamed.Rooms);
    }

    private (ChatSession Session, RecordingSink Sink) Register(string nick)
    {
        var sink = new RecordingSink();
        var session = _hub.Connect(sink, "127.0.0.1:1");
        Assert.Equal(ChatError.None, _hub.Register(session, nick));
        return (session, sink);
    }
}

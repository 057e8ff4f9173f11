using Parley.Core.Accounts;
using Parley.Core.Events;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Routing;

namespace Parley.Core.Tests;

/// <summary>
/// The routing port (docs/architecture.md, "Routing port: audiences, not sinks"): the hubs publish
/// to audiences through <see cref="ChatHub.Router"/> and never hand an event to a sink themselves,
/// so a router that delivers nothing leaves every sink empty.
/// </summary>
public sealed class RoutingPortTests
{
    [Fact]
    public async Task A_router_that_delivers_nothing_leaves_every_sink_empty()
    {
        var router = new RecordingRouter();
        var (hub, sinks, alice, bob) = await TwoInARoomAsync(router);

        var said = await hub.Rooms.SayAsync(alice, "#dev", "hello");
        await hub.SendDirectAsync(alice, "bob", "psst");
        hub.Broadcast(bob, "everyone");
        hub.SetAway(bob, "lunch");
        await hub.Rooms.SetTopicAsync(alice, "#dev", "topic");
        hub.Rooms.Part(bob, "#dev", "bye");
        hub.Quit(alice, "gone");

        Assert.All(sinks, sink => Assert.Empty(sink.Events));
        Assert.NotNull(said.Echo);
        var kinds = router.Published.Select(p => p.Kind).ToHashSet();
        Assert.Superset(new HashSet<AudienceKind> { AudienceKind.Everyone, AudienceKind.RoomMembers, AudienceKind.Nick, AudienceKind.EveryNick, AudienceKind.RoomPeers }, kinds);
    }

    [Fact]
    public async Task A_room_message_is_one_publish_to_the_room_with_the_echo_and_a_dm_one_to_the_nick()
    {
        var router = new RecordingRouter(new InProcessEventRouter());
        var (hub, _, alice, _) = await TwoInARoomAsync(router);
        router.Published.Clear();

        var said = await hub.Rooms.SayAsync(alice, "#dev", "hello");
        var sent = await hub.SendDirectAsync(alice, "bob", "psst");

        Assert.Collection(
            router.Published,
            room =>
            {
                Assert.Equal((AudienceKind.RoomMembers, "#dev"), (room.Kind, room.Room));
                Assert.Same(said.Echo, room.Echo);
                Assert.Equal(said.Message, Assert.IsType<RoomMessageEvent>(room.Event).Message);
            },
            dm =>
            {
                Assert.Equal((AudienceKind.Nick, "bob"), (dm.Kind, dm.Nick));
                Assert.Same(sent.Message, dm.Event);
            });
        Assert.Equal(1, said.Recipients);
    }

    [Fact]
    public void Kill_closes_through_the_router()
    {
        var router = new RecordingRouter();
        var hub = HubWith(router);
        var sinks = new List<RecordingSink>();
        var root = Connect(hub, sinks, "root");
        Connect(hub, sinks, "bob");
        root.OperatorAccount = "root";

        Assert.Equal(ChatError.None, hub.Kill(root, "bob", "spam", out _));

        Assert.Equal((AudienceKind.Nick, "killed by root: spam"), Assert.Single(router.Closed));
        Assert.All(sinks, sink => Assert.Null(sink.ClosedWith));
    }

    // alice and bob, guests, both in #dev.
    private static async Task<(ChatHub Hub, List<RecordingSink> Sinks, Sessions.ChatSession Alice, Sessions.ChatSession Bob)> TwoInARoomAsync(IEventRouter router)
    {
        var hub = HubWith(router);
        var sinks = new List<RecordingSink>();
        var alice = Connect(hub, sinks, "alice");
        var bob = Connect(hub, sinks, "bob");
        await hub.Rooms.JoinAsync(alice, "#dev", null);
        await hub.Rooms.JoinAsync(bob, "#dev", null);
        return (hub, sinks, alice, bob);
    }

    private static ChatHub HubWith(IEventRouter router) =>
        new(new MemoryAccountStore(), new MemoryMessageStore(), new AccountOptions(), new RoomOptions(), new RoomLimits(),
            new InMemoryRoomStore(), new InMemoryRoomHistory(), new OperatorPolicy(["root"]), TimeProvider.System) { Router = router };

    private static Sessions.ChatSession Connect(ChatHub hub, List<RecordingSink> sinks, string nick)
    {
        var sink = new RecordingSink();
        sinks.Add(sink);
        var session = hub.Connect(sink, "127.0.0.1:1");
        Assert.Equal(ChatError.None, hub.Register(session, nick));
        return session;
    }
}

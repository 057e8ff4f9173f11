using Parley.Core.Events;
using Parley.Core.Presence;

namespace Parley.Cluster.RabbitMq.Tests;

/// <summary>
/// Three nodes (a ChatHub and a RabbitMQ router each) in one process on one real broker
/// (docs/cluster.md, "RabbitMQ"): an event crosses only to nodes with a recipient, once.
/// Until the cluster's nick claims (a later step), the same guest nick on two nodes stands in
/// for one user's two devices.
/// </summary>
[Collection(SharedBroker.Name)]
public sealed class RoutingAcrossNodesTests(RabbitMqBroker broker)
{
    [Fact]
    public async Task A_direct_message_to_a_nick_hosted_on_B_arrives_once_on_B_and_never_on_C()
    {
        var nodes = await TestNode.StartManyAsync(broker, "a", "b", "c");
        await using var a = nodes[0];
        await using var b = nodes[1];
        await using var c = nodes[2];
        var (carol, _) = await a.GuestAsync("carol");
        var (_, bobOnA) = await a.GuestAsync("bob");
        var (_, bobOnB) = await b.GuestAsync("bob");
        var (_, daveOnC) = await c.GuestAsync("dave");
        await b.SettledAsync();
        await c.SettledAsync();

        var sent = await a.Hub.SendDirectAsync(carol, "bob", "psst");

        Assert.Equal(ChatError.None, sent.Error);
        var arrived = await bobOnB.WaitForAsync(events => events.OfType<DirectMessageEvent>().Any(), "the DM on B");
        await Fence.ThroughAsync(a, carol, b, c);
        Assert.Equal("psst", Assert.Single(bobOnB.Of<DirectMessageEvent>()).Text);
        Assert.Single(bobOnA.Of<DirectMessageEvent>());
        Assert.Empty(daveOnC.Of<DirectMessageEvent>());
        // The DM never reached C's queue.
        Assert.Equal(0, c.Router.ReceivedOf(Core.Routing.AudienceKind.Nick));
        Assert.Equal(1, b.Router.ReceivedOf(Core.Routing.AudienceKind.Nick));
        Assert.Contains("nick.BOB", b.Router.BoundKeys);
        Assert.DoesNotContain("nick.BOB", c.Router.BoundKeys);
    }

    [Fact]
    public async Task Room_members_on_two_nodes_each_get_a_room_message_once_and_the_third_node_nothing()
    {
        var nodes = await TestNode.StartManyAsync(broker, "a", "b", "c");
        await using var a = nodes[0];
        await using var b = nodes[1];
        await using var c = nodes[2];
        var (alice, _) = await a.GuestAsync("alice");
        var (ann, annSink) = await a.GuestAsync("ann");
        var (bob, bobSink) = await b.GuestAsync("bob");
        var (_, daveSink) = await c.GuestAsync("dave");
        await a.Hub.Rooms.JoinAsync(alice, "#dev", key: null);
        await a.Hub.Rooms.JoinAsync(ann, "#dev", key: null);
        await b.Hub.Rooms.JoinAsync(bob, "#dev", key: null);
        await a.SettledAsync();
        await b.SettledAsync();

        var said = await a.Hub.Rooms.SayAsync(alice, "#dev", "hello");

        Assert.Equal(ChatError.None, said.Error);
        // What a real hub delivers crosses the wire and reads back as the same kind.
        using (var codec = new EnvelopeCodec())
        {
            foreach (var delivered in annSink.Events)
                Assert.Equal(delivered.GetType(), EnvelopeCodec.Decode(codec.Encode(new RoutedEnvelope { Operation = RoutedOperation.Publish, Kind = Core.Routing.AudienceKind.RoomMembers, Target = "#dev", Event = delivered, Key = "room.%23DEV" }).Span).Event!.GetType());
        }

        await bobSink.WaitForAsync(events => events.OfType<RoomMessageEvent>().Any(), "the room message on B");
        await Fence.ThroughAsync(a, alice, b, c);
        Assert.Equal("hello", Assert.Single(bobSink.Of<RoomMessageEvent>()).Message.Text);
        // A's own publication came back through its room binding and was skipped: ann has it once.
        Assert.Single(annSink.Of<RoomMessageEvent>());
        Assert.True(a.Router.OwnSkipped > 0, "A's queue never saw its own room message");
        Assert.Empty(daveSink.Of<RoomMessageEvent>());
        Assert.Equal(0, c.Router.ReceivedOf(Core.Routing.AudienceKind.RoomMembers));
    }

    [Fact]
    public async Task A_sign_on_reaches_every_node_through_the_everyone_audience()
    {
        var nodes = await TestNode.StartManyAsync(broker, "a", "b", "c");
        await using var a = nodes[0];
        await using var b = nodes[1];
        await using var c = nodes[2];
        var (_, bobSink) = await b.GuestAsync("bob");
        var (_, daveSink) = await c.GuestAsync("dave");

        await a.GuestAsync("zed");

        await bobSink.WaitForAsync(events => events.OfType<UserJoinedEvent>().Any(e => e.Nick == "zed"), "zed's arrival on B");
        await daveSink.WaitForAsync(events => events.OfType<UserJoinedEvent>().Any(e => e.Nick == "zed"), "zed's arrival on C");
    }

    [Fact]
    public async Task The_last_local_member_leaving_unbinds_the_room_and_the_last_session_of_a_nick_unbinds_the_nick()
    {
        var nodes = await TestNode.StartManyAsync(broker, "a", "b");
        await using var a = nodes[0];
        await using var b = nodes[1];
        var (alice, _) = await a.GuestAsync("alice");
        var (bob, bobSink) = await b.GuestAsync("bob");
        await a.Hub.Rooms.JoinAsync(alice, "#dev", key: null);
        await b.Hub.Rooms.JoinAsync(bob, "#dev", key: null);
        await b.SettledAsync();
        Assert.Contains("room.%23DEV", b.Router.BoundKeys);

        b.Hub.Rooms.Part(bob, "#dev", "bye");
        await b.SettledAsync();
        var bRoomBefore = b.Router.ReceivedOf(Core.Routing.AudienceKind.RoomMembers);
        await a.Hub.Rooms.SayAsync(alice, "#dev", "anyone?");
        await Fence.ThroughAsync(a, alice, b);

        Assert.DoesNotContain("room.%23DEV", b.Router.BoundKeys);
        Assert.Empty(bobSink.Of<RoomMessageEvent>());
        Assert.Equal(bRoomBefore, b.Router.ReceivedOf(Core.Routing.AudienceKind.RoomMembers));

        b.Hub.Quit(bob, "gone");
        await b.SettledAsync();
        Assert.DoesNotContain("nick.BOB", b.Router.BoundKeys);
    }

    [Fact]
    public async Task A_rename_moves_the_nick_binding()
    {
        await using var b = await TestNode.StartAsync(broker, "b");
        var (bob, _) = await b.GuestAsync("bob");
        await b.SettledAsync();
        Assert.Contains("nick.BOB", b.Router.BoundKeys);

        Assert.Equal(ChatError.None, await b.Hub.RegisterGuestAsync(bob, "robert"));
        await b.SettledAsync();

        Assert.Contains("nick.ROBERT", b.Router.BoundKeys);
        Assert.DoesNotContain("nick.BOB", b.Router.BoundKeys);
    }
}

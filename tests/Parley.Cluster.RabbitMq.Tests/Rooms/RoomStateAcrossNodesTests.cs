using Microsoft.Extensions.Time.Testing;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Rooms;

namespace Parley.Cluster.RabbitMq.Tests.Rooms;

/// <summary>
/// Room membership and state replicated between nodes (docs/architecture.md, "Room state and
/// listings across nodes"): two or three nodes (a ChatHub and a RabbitMQ router each) in one
/// process on one real broker. What NAMES, WHO and WHOIS read is the replica these tests check.
/// </summary>
[Collection(SharedBroker.Name)]
public sealed class RoomStateAcrossNodesTests(RabbitMqBroker broker)
{
    private static string[] Names(TestNode node, string room) =>
        [.. node.Hub.Rooms.Listing(node.Hub.Rooms.Find(room)!).Select(member => member.Prefix + member.Nick)];

    [Fact]
    public async Task Names_on_B_shows_a_member_who_joined_on_A_and_a_part_on_A_takes_it_out()
    {
        var nodes = await TestNode.StartManyAsync(broker, "a", "b");
        await using var a = nodes[0];
        await using var b = nodes[1];
        var (alice, _) = await a.GuestAsync("alice");
        var (bob, bobSink) = await b.GuestAsync("bob");

        Assert.Equal(ChatError.None, (await a.Hub.Rooms.JoinAsync(alice, "#dev", key: null)).Error);
        await Eventually.HoldsAsync(b, () => b.Hub.Rooms.Find("#dev")?.RemoteCount == 1, "alice in B's replica of #dev");
        var joined = await b.Hub.Rooms.JoinAsync(bob, "#dev", key: null);

        Assert.Equal(ChatError.None, joined.Error);
        // Not the room's creator: alice made it on A and is its op everywhere.
        Assert.False(joined.Created);
        Assert.Equal(["@alice", "bob"], Names(b, "#dev"));
        await Eventually.HoldsAsync(a, () => a.Hub.Rooms.Find("#dev")?.RemoteCount == 1, "bob in A's replica");
        Assert.Equal(["@alice", "bob"], Names(a, "#dev"));

        a.Hub.Rooms.Part(alice, "#dev", "bye");
        await bobSink.WaitForAsync(events => events.OfType<RoomMemberLeftEvent>().Any(e => e.Nick == "alice"), "alice's part on B");
        await Eventually.HoldsAsync(b, () => b.Hub.Rooms.Find("#dev")?.RemoteCount == 0, "alice gone from B's replica");
        Assert.Equal(["bob"], Names(b, "#dev"));
    }

    [Fact]
    public async Task A_quit_on_A_leaves_the_rooms_and_the_directory_on_B()
    {
        var nodes = await TestNode.StartManyAsync(broker, "a", "b");
        await using var a = nodes[0];
        await using var b = nodes[1];
        var (alice, _) = await a.GuestAsync("alice");
        var (bob, bobSink) = await b.GuestAsync("bob");
        await ShareRoomAsync(a, alice, b, bob, "#dev");
        Assert.NotNull(b.Hub.Directory.Find("alice"));

        a.Hub.Quit(alice, "gone home");

        await bobSink.WaitForAsync(events => events.OfType<RoomMemberLeftEvent>().Any(e => e.Nick == "alice"), "alice's quit on B");
        await Eventually.HoldsAsync(b, () => b.Hub.Directory.Find("alice") is null && b.Hub.Rooms.Find("#dev")!.RemoteCount == 0, "alice gone from B");
        // No one is made op when the op leaves (as on IRC).
        Assert.Equal(["bob"], Names(b, "#dev"));
    }

    [Fact]
    public async Task A_node_that_joins_late_is_told_the_members_and_settings_of_the_rooms_already_there()
    {
        await using var a = await StartAsync("a", out var exchange);
        var (alice, _) = await a.GuestAsync("alice");
        await a.Hub.Rooms.JoinAsync(alice, "#old", key: null);
        await a.Hub.Rooms.SetTopicAsync(alice, "#old", "before you came");
        await a.Hub.Rooms.SetModesAsync(alice, "#old", RoomModes.Limited, RoomModes.None, key: null, limit: 5);
        await a.SettledAsync();

        await using var b = await JoinAsync("b", exchange);

        await Eventually.HoldsAsync(b, () => b.Hub.Rooms.Find("#old")?.RemoteCount == 1, "the state of A's rooms on the late node");
        var room = b.Hub.Rooms.Find("#old")!;
        Assert.Equal(["@alice"], Names(b, "#old"));
        Assert.Equal("before you came", room.Topic?.Text);
        Assert.Equal(5, room.Limit);
        Assert.Equal("alice", b.Hub.Directory.Find("alice")?.Nick);
    }

    [Fact]
    public async Task With_plus_l_1_the_second_joiner_is_refused_whichever_node_it_joins_on()
    {
        var nodes = await TestNode.StartManyAsync(broker, "a", "b");
        await using var a = nodes[0];
        await using var b = nodes[1];
        var (alice, _) = await a.GuestAsync("alice");
        var (carol, _) = await a.GuestAsync("carol");
        var (bob, _) = await b.GuestAsync("bob");
        await a.Hub.Rooms.JoinAsync(alice, "#one", key: null);
        Assert.Equal(ChatError.None, await a.Hub.Rooms.SetModesAsync(alice, "#one", RoomModes.Limited, RoomModes.None, key: null, limit: 1));
        await Eventually.HoldsAsync(b, () => b.Hub.Rooms.Find("#one") is { Limit: 1, RemoteCount: 1 }, "+l 1 and alice on B");

        Assert.Equal(ChatError.RoomFull, (await b.Hub.Rooms.JoinAsync(bob, "#one", key: null)).Error);
        Assert.Equal(ChatError.RoomFull, (await a.Hub.Rooms.JoinAsync(carol, "#one", key: null)).Error);
    }

    [Fact]
    public async Task A_topic_set_on_A_is_seen_by_a_member_on_B_at_join_and_live()
    {
        var nodes = await TestNode.StartManyAsync(broker, "a", "b");
        await using var a = nodes[0];
        await using var b = nodes[1];
        var (alice, _) = await a.GuestAsync("alice");
        var (bob, bobSink) = await b.GuestAsync("bob");
        await a.Hub.Rooms.JoinAsync(alice, "#t", key: null);
        await a.Hub.Rooms.SetTopicAsync(alice, "#t", "first topic");
        await Eventually.HoldsAsync(b, () => b.Hub.Rooms.Find("#t")?.Topic?.Text == "first topic", "the topic on B");

        var joined = await b.Hub.Rooms.JoinAsync(bob, "#t", key: null);

        // What 332 shows at the join.
        Assert.Equal("first topic", joined.Room!.Topic?.Text);
        Assert.Equal("alice", joined.Room.Topic?.SetBy);
        await Eventually.HoldsAsync(a, () => a.Hub.Rooms.Find("#t")?.RemoteCount == 1, "bob in A's replica");
        await a.Hub.Rooms.SetTopicAsync(alice, "#t", "second topic");
        var live = await bobSink.WaitForAsync(events => events.OfType<RoomTopicChangedEvent>().Any(), "the live TOPIC on B");
        Assert.Equal("second topic", live.OfType<RoomTopicChangedEvent>().Single().Text);
        Assert.Equal("second topic", b.Hub.Rooms.Find("#t")!.Topic?.Text);
    }

    [Fact]
    public async Task An_op_given_on_A_to_a_member_on_B_bans_on_B_and_the_ban_keeps_a_user_out_on_A()
    {
        var nodes = await TestNode.StartManyAsync(broker, "a", "b");
        await using var a = nodes[0];
        await using var b = nodes[1];
        var (alice, _) = await a.GuestAsync("alice");
        var (mallory, _) = await a.GuestAsync("mallory");
        var (bob, bobSink) = await b.GuestAsync("bob");
        await ShareRoomAsync(a, alice, b, bob, "#b");

        Assert.Equal(ChatError.None, a.Hub.Rooms.SetRole(alice, "#b", "bob", MemberRole.Op, grant: true));
        await bobSink.WaitForAsync(events => events.OfType<RoomRoleChangedEvent>().Any(), "bob's op on B");
        // The same role on both nodes: bob's own member on B, and A's replica of it.
        Assert.True(b.Hub.Rooms.Find("#b")!.FindMember(bob)!.IsOp);
        Assert.Equal(["@alice", "@bob"], Names(a, "#b"));
        Assert.Equal(["@alice", "@bob"], Names(b, "#b"));

        Assert.Equal(ChatError.None, await b.Hub.Rooms.SetBanAsync(bob, "#b", "mallory", add: true));
        await Eventually.HoldsAsync(a, () => a.Hub.Rooms.Find("#b")!.Bans.Any(ban => ban.Mask == "mallory"), "the ban on A");

        Assert.Equal(ChatError.Banned, (await a.Hub.Rooms.JoinAsync(mallory, "#b", key: null)).Error);
    }

    [Fact]
    public async Task A_kick_on_A_of_a_member_on_B_takes_it_out_of_the_room_on_B()
    {
        var nodes = await TestNode.StartManyAsync(broker, "a", "b");
        await using var a = nodes[0];
        await using var b = nodes[1];
        var (alice, _) = await a.GuestAsync("alice");
        var (bob, bobSink) = await b.GuestAsync("bob");
        await ShareRoomAsync(a, alice, b, bob, "#k");

        Assert.Equal(ChatError.None, a.Hub.Rooms.Kick(alice, "#k", "bob", "out"));

        var kicked = await bobSink.WaitForAsync(events => events.OfType<RoomMemberLeftEvent>().Any(e => e.Kind == RoomLeaveKind.Kicked), "bob's KICK on B");
        Assert.Equal("bob", kicked.OfType<RoomMemberLeftEvent>().Single().Nick);
        await Eventually.HoldsAsync(b, () => !bob.IsInRoom("#k"), "bob out of #k on B");
        Assert.Equal(["@alice"], Names(b, "#k"));
        Assert.Equal(["@alice"], Names(a, "#k"));
    }

    [Fact]
    public async Task Whois_data_of_a_user_on_A_is_in_B_s_directory_with_its_rooms_and_away()
    {
        var nodes = await TestNode.StartManyAsync(broker, "a", "b");
        await using var a = nodes[0];
        await using var b = nodes[1];
        var sink = new WaitingSink();
        var alice = a.Hub.Connect(sink, "127.0.0.1");
        alice.SetUserInfo("al", "Alice Liddell");
        Assert.Equal(ChatError.None, await a.Hub.RegisterGuestAsync(alice, "alice"));
        await a.Hub.Rooms.JoinAsync(alice, "#w", key: null);

        a.Hub.SetAway(alice, "at lunch");

        await Eventually.HoldsAsync(b, () => b.Hub.Directory.Find("alice")?.Away == "at lunch", "alice's away on B");
        var user = b.Hub.Directory.Find("ALICE")!;
        Assert.Equal(("alice", "al", "parley", "Alice Liddell"), (user.Nick, user.UserName, user.Host, user.RealName));
        Assert.Equal(a.Router.NodeName, user.Node);
        var (room, role) = Assert.Single(b.Hub.Rooms.RemoteRoomsOf("alice"));
        Assert.Equal(("#w", MemberRole.Op), (room.Name, role));
        Assert.Contains(a.Router.NodeName, b.Hub.Directory.Nodes);
    }

    [Fact]
    public async Task A_node_that_stops_is_forgotten_by_the_others()
    {
        var nodes = await TestNode.StartManyAsync(broker, "a", "b");
        var a = nodes[0];
        await using var b = nodes[1];
        var (alice, _) = await a.GuestAsync("alice");
        await a.Hub.Rooms.JoinAsync(alice, "#gone", key: null);
        await Eventually.HoldsAsync(b, () => b.Hub.Directory.Find("alice") is not null && b.Hub.Rooms.Find("#gone") is not null, "alice and #gone on B");

        await a.DisposeAsync();

        await Eventually.HoldsAsync(b, () => b.Hub.Directory.Find("alice") is null && b.Hub.Directory.Nodes.Count == 0, "A forgotten on B");
        // An unregistered room with no member left anywhere vanishes.
        Assert.Null(b.Hub.Rooms.Find("#gone"));
    }

    [Fact]
    public async Task A_node_silent_past_the_expiry_is_forgotten_and_asked_for_its_state_when_heard_again()
    {
        var exchange = "parley.test." + Guid.NewGuid().ToString("N")[..8];
        // A's clock stands still: it sends no heartbeat, as a killed node would not.
        var frozen = new FakeTimeProvider();
        await using var a = await TestNode.StartOnAsync(broker, "a", exchange, frozen);
        var clock = new FakeTimeProvider();
        await using var b = await TestNode.StartOnAsync(broker, "b", exchange, clock);
        var (alice, _) = await a.GuestAsync("alice");
        await a.Hub.Rooms.JoinAsync(alice, "#x", key: null);
        await Eventually.HoldsAsync(b, () => b.Hub.Rooms.Find("#x")?.RemoteCount == 1 && b.Hub.Directory.Find("alice") is not null, "alice on B");
        // Everything A sent so far handled on B (its answer to B's start-up request too): nothing
        // late from A re-adds alice after B forgets it.
        await Fence.ThroughAsync(a, alice, b);

        clock.Advance(RabbitMqEventRouter.ReplicaExpiry + RabbitMqEventRouter.ReplicaHeartbeat);

        Assert.Null(b.Hub.Directory.Find("alice"));
        Assert.Null(b.Hub.Rooms.Find("#x"));
        // A's next heartbeat: B asks for its state and has alice again.
        frozen.Advance(RabbitMqEventRouter.ReplicaHeartbeat);
        await Eventually.HoldsAsync(b, () => b.Hub.Rooms.Find("#x")?.RemoteCount == 1 && b.Hub.Directory.Find("alice") is not null, "alice back on B");
    }

    // alice makes the room on A (its op), bob joins it on B; both nodes' replicas have the other.
    private static async Task ShareRoomAsync(TestNode a, Core.Sessions.ChatSession alice, TestNode b, Core.Sessions.ChatSession bob, string room)
    {
        Assert.Equal(ChatError.None, (await a.Hub.Rooms.JoinAsync(alice, room, key: null)).Error);
        await Eventually.HoldsAsync(b, () => b.Hub.Rooms.Find(room)?.RemoteCount == 1, $"alice in B's replica of {room}");
        Assert.Equal(ChatError.None, (await b.Hub.Rooms.JoinAsync(bob, room, key: null)).Error);
        await Eventually.HoldsAsync(a, () => a.Hub.Rooms.Find(room)?.RemoteCount == 1, $"bob in A's replica of {room}");
    }

    private Task<TestNode> StartAsync(string name, out string exchange)
    {
        exchange = "parley.test." + Guid.NewGuid().ToString("N")[..8];
        return TestNode.StartOnAsync(broker, name, exchange);
    }

    private Task<TestNode> JoinAsync(string name, string exchange) => TestNode.StartOnAsync(broker, name, exchange);
}

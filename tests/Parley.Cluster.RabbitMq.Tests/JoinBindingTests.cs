using Parley.Core.Events;
using Parley.Core.Presence;

namespace Parley.Cluster.RabbitMq.Tests;

/// <summary>
/// A join waits for its binding: once a joiner is shown its JOIN, a message another node publishes to
/// the room reaches it, even when the joiner's node has a backlog ahead of the room's bind.
/// </summary>
[Collection(SharedBroker.Name)]
public sealed class JoinBindingTests(RabbitMqBroker broker)
{
    [Fact]
    public async Task The_first_message_from_another_node_after_a_join_reaches_the_joiner()
    {
        var nodes = await TestNode.StartManyAsync(broker, "a", "b");
        await using var a = nodes[0];
        await using var b = nodes[1];
        var (alice, _) = await a.GuestAsync("alice");
        var (bob, bobSink) = await b.GuestAsync("bob");
        await a.Hub.Rooms.JoinAsync(alice, "#first", key: null);
        await b.Hub.Rooms.JoinAsync(bob, "#busy", key: null);
        await a.SettledAsync();
        await b.SettledAsync();

        // b's outgoing stream gets a backlog, so the bind of #first waits behind it.
        for (var i = 0; i < 3000; i++)
            await b.Hub.Rooms.SayAsync(bob, "#busy", "busy " + i);
        Assert.True(b.Router.Pending > 100, $"only {b.Router.Pending} pending: the test needs a backlog ahead of the bind");
        var joined = await b.Hub.Rooms.JoinAsync(bob, "#first", key: null);
        Assert.Equal(ChatError.None, joined.Error);

        await a.Hub.Rooms.SayAsync(alice, "#first", "right after the join");
        await bobSink.WaitForAsync(events => events.OfType<RoomMessageEvent>().Any(e => e.Message.Text == "right after the join"), "the first message after the join");
    }
}

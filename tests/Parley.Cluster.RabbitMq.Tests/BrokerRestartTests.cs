using Parley.Core.Events;

namespace Parley.Cluster.RabbitMq.Tests;

/// <summary>
/// A RabbitMQ restart mid-stream: what is published while the broker is down waits in the node's
/// bounded outgoing buffer and is delivered after the automatic recovery, in order; past the bound
/// it is dropped and counted (reported), never lost silently.
/// </summary>
[Collection(SharedBroker.Name)]
public sealed class BrokerRestartTests(RabbitMqBroker broker)
{
    [Fact]
    public async Task Delivery_resumes_after_a_broker_restart_and_the_outage_is_delivered_in_order_or_reported()
    {
        var nodes = await TestNode.StartManyAsync(broker, "a", "b");
        await using var a = nodes[0];
        await using var b = nodes[1];
        await using var small = await TestNode.StartAsync(broker, "small", maxOutgoing: 3);
        var (alice, _) = await a.GuestAsync("alice");
        var (bob, bobSink) = await b.GuestAsync("bob");
        var (sam, _) = await small.GuestAsync("sam");
        await a.Hub.Rooms.JoinAsync(alice, "#ops", key: null);
        await b.Hub.Rooms.JoinAsync(bob, "#ops", key: null);
        await small.Hub.Rooms.JoinAsync(sam, "#ops", key: null);
        // b's binding for #ops must be on the broker before a publishes, or the exchange drops it.
        await b.SettledAsync();
        await a.Hub.Rooms.SayAsync(alice, "#ops", "before");
        await bobSink.WaitForAsync(events => events.OfType<RoomMessageEvent>().Any(), "the message before the restart");
        await a.SettledAsync();
        await small.SettledAsync();
        var droppedBefore = small.Router.Dropped;

        await broker.StopAsync();
        for (var i = 0; i < 5; i++)
        {
            await a.Hub.Rooms.SayAsync(alice, "#ops", "during " + i);
            await small.Hub.Rooms.SayAsync(sam, "#ops", "small " + i);
        }

        Assert.True(a.Router.Pending >= 5, $"only {a.Router.Pending} pending while the broker is down");
        Assert.True(small.Router.Dropped - droppedBefore >= 2, $"the small buffer dropped {small.Router.Dropped - droppedBefore} of 5");
        await broker.StartAsync();

        var events = await bobSink.WaitForAsync(events => events.OfType<RoomMessageEvent>().Count(e => e.Message.Text.StartsWith("during", StringComparison.Ordinal)) == 5, "the outage's messages after recovery", seconds: 60);
        Assert.Equal(["during 0", "during 1", "during 2", "during 3", "during 4"], events.OfType<RoomMessageEvent>().Select(e => e.Message.Text).Where(t => t.StartsWith("during", StringComparison.Ordinal)));
        await a.Hub.Rooms.SayAsync(alice, "#ops", "after");
        await bobSink.WaitForAsync(events => events.OfType<RoomMessageEvent>().Any(e => e.Message.Text == "after"), "a message after recovery");
        Assert.True(await a.Router.WhenConfirmedAsync(TimeSpan.FromSeconds(20)));
    }
}

using Parley.Core.Events;

namespace Parley.Cluster.RabbitMq.Tests;

/// <summary>
/// Nothing confirmed is lost when the broker dies: events are persistent in durable queues, so what
/// waited in a node's queue, confirmed but not yet consumed, is delivered after a broker crash.
/// </summary>
[Collection(SharedBroker.Name)]
public sealed class DurabilityTests(RabbitMqBroker broker)
{
    private const int Backlog = 200;

    [Fact]
    public async Task What_was_confirmed_and_waiting_in_a_stopped_consumers_queue_is_delivered_after_the_broker_is_killed()
    {
        // Prefetch 1: while b's consumer is stopped, all but one event wait in b's queue on the broker.
        var nodes = await TestNode.StartManyAsync(broker, prefetch: 1, "a", "b");
        await using var a = nodes[0];
        await using var b = nodes[1];
        var (alice, _) = await a.GuestAsync("alice");
        var (bob, bobSink) = await b.GuestAsync("bob");
        await a.Hub.Rooms.JoinAsync(alice, "#durable", key: null);
        await b.Hub.Rooms.JoinAsync(bob, "#durable", key: null);
        await b.SettledAsync();

        using var gate = new ManualResetEventSlim(false);
        bobSink.Gate = gate;
        for (var i = 0; i < Backlog; i++)
            await a.Hub.Rooms.SayAsync(alice, "#durable", "m" + i);
        // Confirmed: the broker has every one on its disk (persistent) or handed to b.
        await a.SettledAsync();
        Assert.True(await broker.MessagesInAsync("parley.node." + b.Router.NodeName) >= Backlog - 2, "b's queue should hold the backlog");

        await broker.KillAsync();
        // Published while the broker is down: held in a's outgoing buffer, sent after recovery.
        for (var i = 0; i < 3; i++)
            await a.Hub.Rooms.SayAsync(alice, "#durable", "d" + i);
        await broker.StartAsync();
        gate.Set();

        string[] expected = [.. Enumerable.Range(0, Backlog).Select(i => "m" + i), "d0", "d1", "d2"];
        var events = await bobSink.WaitForAsync(
            got => expected.All(new HashSet<string>(got.OfType<RoomMessageEvent>().Select(e => e.Message.Text)).Contains),
            "every confirmed message after the broker was killed", seconds: 60);
        // At least once: the one event b held when the broker died comes again; first arrivals keep a's order.
        Assert.Equal(expected, events.OfType<RoomMessageEvent>().Select(e => e.Message.Text).Distinct());
    }
}

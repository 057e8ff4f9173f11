using System.Diagnostics;

namespace Parley.Cluster.RabbitMq.Tests.Rooms;

/// <summary>
/// Waits for a node's replica to reach a state another node caused, when no session of that node
/// is told (a node without members of the room): the condition is checked each time the node
/// receives something, bounded by a deadline, as <see cref="Fence"/> waits.
/// </summary>
public static class Eventually
{
    public static async Task HoldsAsync(TestNode node, Func<bool> condition, string what, int seconds = 20)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(seconds), $"waited {seconds} s on {node.Router.NodeName} for {what}");
            await Task.Delay(10);
        }
    }
}

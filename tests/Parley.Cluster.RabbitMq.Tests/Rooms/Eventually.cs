namespace Parley.Cluster.RabbitMq.Tests.Rooms;

/// <summary>
/// Waits for a node's replica to reach a state another node caused, when no session of that node
/// is told (a node without members of the room): the condition is checked again each time the node
/// has handled an envelope from the broker, bounded by a deadline, as <see cref="Fence"/> waits.
/// </summary>
public static class Eventually
{
    public static async Task HoldsAsync(TestNode node, Func<bool> condition, string what, int seconds = 20)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            // Taken before the check: an envelope handled in between completes it.
            var next = node.Router.WhenHandledAsync();
            if (condition())
                return;
            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"waited {seconds} s on {node.Router.NodeName} for {what}");
            }
        }
    }
}

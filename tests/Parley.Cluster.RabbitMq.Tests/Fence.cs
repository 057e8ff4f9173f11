using Parley.Core.Sessions;

namespace Parley.Cluster.RabbitMq.Tests;

/// <summary>
/// Proves that nothing more is coming: one node's later event to every node (an away change goes to
/// the <c>all</c> key) arrives after everything that node sent before it, since one channel keeps its
/// order into each queue. After the fence, counts are final.
/// </summary>
public static class Fence
{
    public static async Task ThroughAsync(TestNode from, ChatSession session, params TestNode[] receivers)
    {
        var before = receivers.Select(node => node.Router.Received).ToArray();
        from.Hub.SetAway(session, "fence " + Guid.NewGuid().ToString("N")[..6]);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        for (var i = 0; i < receivers.Length; i++)
        {
            while (true)
            {
                // Taken before the check: an envelope handled in between completes it.
                var next = receivers[i].Router.WhenHandledAsync();
                if (receivers[i].Router.Received > before[i])
                    break;
                try
                {
                    await next.WaitAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail($"the fence did not reach {receivers[i].Router.NodeName}");
                }
            }
        }
    }
}

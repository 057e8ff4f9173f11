using System.Diagnostics;
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
        var deadline = Stopwatch.StartNew();
        for (var i = 0; i < receivers.Length; i++)
        {
            while (receivers[i].Router.Received <= before[i])
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), $"the fence did not reach {receivers[i].Router.NodeName}");
                await Task.Delay(10);
            }
        }
    }
}

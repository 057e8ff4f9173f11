namespace Parley.Cluster.Tests;

/// <summary>Line, IRC and web users on every node of three, sharing a room.</summary>
[Collection(SharedCluster.Name)]
public sealed class ClusterChatTests(ThreeNodeCluster cluster)
{
    [Fact]
    public async Task Line_irc_and_web_users_on_three_nodes_share_a_room_and_each_sees_every_message_of_the_others()
    {
        var room = "#" + ThreeNodeCluster.Unique("all");
        var users = new List<ChatUser>();
        try
        {
            foreach (var node in cluster.Nodes)
                users.AddRange(await ChatUser.EveryProtocolAsync(node, "u"));
            foreach (var user in users)
                await user.JoinAsync(room);

            // One message from each protocol on each node in turn; every other user, on any node, gets it.
            foreach (var sender in users)
            {
                var text = $"hello from {sender.Nick}";
                await sender.SayAsync(room, text);
                foreach (var receiver in users.Where(u => u != sender))
                {
                    try
                    {
                        await receiver.WaitForTextAsync(text);
                    }
                    catch (TimeoutException e)
                    {
                        throw new TimeoutException($"{receiver} did not get the message of {sender}", e);
                    }
                }
            }
        }
        finally
        {
            foreach (var user in users)
                await user.DisposeAsync();
        }
    }
}

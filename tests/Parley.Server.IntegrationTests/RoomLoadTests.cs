using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

public sealed class RoomLoadTests
{
    [Fact]
    public async Task Room_of_500_members_delivers_one_message_to_every_member_exactly_once()
    {
        const int count = 500;
        await using var server = await ParleyTestServer.StartAsync();
        var clients = new List<LineTestClient>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var client = await server.ConnectAsAsync($"m{i}");
                await client.JoinAsync("#big");
                clients.Add(client);
            }

            Assert.Equal(count, server.Hub.Rooms.Find("#big")!.MemberCount);
            var (reply, _) = await clients[0].CommandAsync("@#big:hello five hundred");
            Assert.Equal($"OK sent to {count - 1} members of #big", reply);

            await Task.WhenAll(clients.Skip(1).Select(async client =>
            {
                await client.WaitForAsync(l => l == "RM #big m0: hello five hundred", TimeSpan.FromSeconds(60));
                Assert.DoesNotContain(await client.DrainAsync(), l => l.StartsWith("RM ", StringComparison.Ordinal));
            }));
            Assert.DoesNotContain(await clients[0].DrainAsync(), l => l.StartsWith("RM ", StringComparison.Ordinal) || l.StartsWith("ECHO ", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
        }
    }
}

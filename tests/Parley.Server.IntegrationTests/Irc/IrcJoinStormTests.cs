using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// Many users joining one channel at once (issue 9's join storm): each joiner's own JOIN comes
/// first, its NAMES lists exactly who was there before it (and itself), and every later joiner
/// arrives as one JOIN line, none twice and none already listed.
/// </summary>
public sealed class IrcJoinStormTests
{
    // More than a join announcement's turn (128 deliveries), so the announcements go out in turns.
    private const int Joiners = 150;

    [Fact]
    public async Task Concurrent_joins_give_each_joiner_its_join_then_names_then_exactly_the_later_joins()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?>
        {
            ["Parley:Limits:Flood:MessagesPerSecond"] = "0",
        });
        var clients = new List<IrcTestClient>();
        try
        {
            for (var i = 0; i < Joiners; i++)
                clients.Add(await server.ConnectIrcAsAsync($"j{i:D3}"));
            var everyone = clients.Select(c => c.Nick).ToHashSet(StringComparer.OrdinalIgnoreCase);

            await Task.WhenAll(clients.Select(c => c.SendAsync("JOIN #storm")));

            await Task.WhenAll(clients.Select(async client =>
            {
                var (own, before) = await client.WaitForAsync(l => IrcTestClient.Command(l) == "JOIN", TimeSpan.FromSeconds(60));
                Assert.StartsWith($":{client.Nick}!", own, StringComparison.Ordinal);
                Assert.DoesNotContain(before, l => IrcTestClient.Command(l) is "JOIN" or "353");

                var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var got = new List<string>(before) { own };
                string line;
                while (IrcTestClient.Command(line = await client.ReadLineAsync(TimeSpan.FromSeconds(60))) != "366")
                {
                    got.Add(line);
                    if (IrcTestClient.Command(line) == "353")
                    {
                        // ":parley 353 me = #storm :a b c" (one name: no colon before it).
                        var names = line[(line.IndexOf(" #storm ", StringComparison.Ordinal) + " #storm ".Length)..].TrimStart(':');
                        foreach (var name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                            Assert.True(listed.Add(name.TrimStart('~', '@', '+')), $"{name} listed twice to {client.Nick}: {string.Join(" | ", got)}");
                    }
                }

                Assert.Contains(client.Nick, listed);
                var seen = new HashSet<string>(listed, StringComparer.OrdinalIgnoreCase);
                while (seen.Count < Joiners)
                {
                    var (join, _) = await client.WaitForAsync(l => IrcTestClient.Command(l) == "JOIN", TimeSpan.FromSeconds(60));
                    var nick = join[1..join.IndexOf('!', StringComparison.Ordinal)];
                    Assert.True(seen.Add(nick), $"{client.Nick} got a JOIN of {nick}, already listed or joined");
                }

                Assert.True(seen.SetEquals(everyone));
            }));
            Assert.Equal(Joiners, server.Hub.Rooms.Find("#storm")!.MemberCount);
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
        }
    }
}

using System.Globalization;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

/// <summary>
/// Room fan-out under bursts, over real sockets: several members talk at once without waiting for
/// replies, so every member's outbox drains many lines per write (docs/benchmarks.md, fix 15);
/// every member still receives every other member's messages exactly once, each sender's in the
/// order sent.
/// </summary>
public sealed class RoomFanOutOrderTests
{
    private const int Members = 4;
    private const int PerSender = 300;

    [Fact]
    public async Task Line_protocol_bursts_from_every_member_arrive_complete_and_in_each_senders_order()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?>(ParleyTestServer.WithoutFloodControl));
        var clients = new List<LineTestClient>();
        try
        {
            for (var i = 0; i < Members; i++)
            {
                var client = await server.ConnectAsAsync($"m{i}");
                clients.Add(client);
                await client.JoinAsync("#burst");
            }

            foreach (var client in clients)
                await client.DrainAsync();

            // Each reader collects "RM #burst m{sender}: {sender} {n}" lines until it has all of the others'.
            await BurstAndAssertOrderAsync(
                clients,
                c => CollectAsync(c, "RM #burst ", static line => line["RM #burst ".Length..].Split(": ")[1]),
                static (i, n) => $"@#burst:{i} {n}");
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Irc_bursts_from_every_member_arrive_complete_and_in_each_senders_order()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?>(ParleyTestServer.WithoutFloodControl));
        var clients = new List<IrcTestClient>();
        try
        {
            for (var i = 0; i < Members; i++)
            {
                var client = await server.ConnectIrcAsAsync($"m{i}");
                clients.Add(client);
                await client.SendAsync("JOIN #burst");
                await client.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
            }

            foreach (var client in clients)
                await client.DrainAsync();

            // ":m{sender}!u@parley PRIVMSG #burst :{sender} {n}"
            await BurstAndAssertOrderAsync(
                clients,
                c => CollectAsync(c, ":m", static line => line[(line.IndexOf(" :", StringComparison.Ordinal) + 2)..], " PRIVMSG #burst :"),
                static (i, n) => $"PRIVMSG #burst :{i} {n}");
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
        }
    }

    // Every member sends PerSender lines at once while every member reads; each must see every
    // other member's lines, each sender's in order.
    private static async Task BurstAndAssertOrderAsync(IReadOnlyList<TestConnection> clients, Func<TestConnection, Task<List<string>>> collect, Func<int, int, string> line)
    {
        var readers = clients.Select(c => Task.Run(() => collect(c))).ToArray();
        await Task.WhenAll(clients.Select((c, i) => Task.Run(async () =>
        {
            for (var n = 0; n < PerSender; n++)
                await c.SendAsync(line(i, n));
        })));

        var received = await Task.WhenAll(readers);
        for (var i = 0; i < Members; i++)
            AssertEverySenderInOrder(received[i], self: i);
    }

    // Reads until (Members - 1) * PerSender matching lines arrived; returns their texts "{sender} {n}".
    private static async Task<List<string>> CollectAsync(TestConnection client, string prefix, Func<string, string> text, string? contains = null)
    {
        var texts = new List<string>();
        while (texts.Count < (Members - 1) * PerSender)
        {
            var (line, _) = await client.WaitForAsync(
                l => l.StartsWith(prefix, StringComparison.Ordinal) && (contains is null || l.Contains(contains, StringComparison.Ordinal)),
                TimeSpan.FromSeconds(30));
            texts.Add(text(line));
        }

        return texts;
    }

    private static void AssertEverySenderInOrder(List<string> texts, int self)
    {
        var next = new int[Members];
        foreach (var text in texts)
        {
            var parts = text.Split(' ');
            var sender = int.Parse(parts[0], CultureInfo.InvariantCulture);
            Assert.NotEqual(self, sender);
            Assert.Equal(next[sender]++, int.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        for (var sender = 0; sender < Members; sender++)
            Assert.Equal(sender == self ? 0 : PerSender, next[sender]);
    }
}

using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

public sealed class LoadTests
{
    [Fact]
    public async Task Ten_clients_each_dm_every_other_and_all_90_arrive_exactly_once()
    {
        await using var server = await ParleyTestServer.StartAsync();
        var nicks = Enumerable.Range(0, 10).Select(i => $"user{i}").ToArray();
        var clients = new List<LineTestClient>();
        foreach (var nick in nicks)
            clients.Add(await server.ConnectAsAsync(nick));

        try
        {
            var readers = clients.Select((c, i) => CollectDirectMessagesAsync(c, count: 9)).ToArray();
            await Task.WhenAll(clients.Select((c, i) => Task.Run(async () =>
            {
                foreach (var other in nicks.Where(n => n != nicks[i]))
                    await c.SendAsync($"@{other}:from {nicks[i]} to {other}");
            })));

            var received = await Task.WhenAll(readers);
            for (var i = 0; i < nicks.Length; i++)
            {
                var expected = nicks.Where(n => n != nicks[i]).Select(n => $"DM {n}: from {n} to {nicks[i]}").Order();
                Assert.Equal(expected, received[i].Order());
            }

            Assert.Equal(90, received.Sum(r => r.Count));
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_hundred_clients_broadcasting_each_receive_every_other_broadcast_once()
    {
        const int count = 200;
        await using var server = await ParleyTestServer.StartAsync();
        var clients = new List<LineTestClient>();
        for (var i = 0; i < count; i++)
            clients.Add(await server.ConnectAsAsync($"u{i}"));

        try
        {
            var readers = clients.Select(c => CollectAsync(c, "BM ", count - 1)).ToArray();
            await Task.WhenAll(clients.Select((c, i) => c.SendAsync($"/bm hello from u{i}")));

            var received = await Task.WhenAll(readers);
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(count - 1, received[i].Distinct().Count());
                Assert.DoesNotContain($"BM u{i}: hello from u{i}", received[i]);
            }
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Slow_consumer_is_disconnected_without_stalling_the_others()
    {
        // Thousands of broadcasts from one sender: far past flood control for people, so off here.
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?>(ParleyTestServer.WithoutFloodControl)
        {
            ["Parley:Limits:MaxOutboundBytes"] = "262144",
        });
        await using var slow = await server.ConnectAsync(receiveBufferSize: 4096);
        await slow.RegisterAsync("slow");
        await using var watcher = await server.ConnectAsAsync("watcher");
        await using var sender = await server.ConnectAsAsync("sender");

        // The watcher reads everything as it comes; the slow client never reads again.
        var dropSeen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watching = Task.Run(async () =>
        {
            var broadcasts = 0;
            while (true)
            {
                var line = await watcher.ReadLineAsync();
                if (line.StartsWith("BM ", StringComparison.Ordinal))
                    broadcasts++;
                else if (line.StartsWith("SYS slow dropped", StringComparison.Ordinal))
                    dropSeen.TrySetResult(line);
                else if (line == "DM sender: done")
                    return broadcasts;
            }
        });

        var payload = new string('z', 2000);
        var sent = 0;
        const int batch = 20;
        // Bounded: 10,000 lines of 2 KB (20 MB) is far past kernel buffers plus the 256 KB budget;
        // batches keep a reading client (the watcher) well inside the budget.
        while (!dropSeen.Task.IsCompleted && sent < 10_000)
        {
            for (var i = 0; i < batch; i++)
                await sender.SendAsync($"/bm {sent + i} {payload}");
            for (var i = 0; i < batch; i++)
                await sender.WaitForAsync(l => l.StartsWith("OK sent to", StringComparison.Ordinal));
            sent += batch;
        }

        Assert.Equal("SYS slow dropped (too slow to read)", await dropSeen.Task.WaitAsync(LineTestClient.DefaultTimeout));
        await sender.SendAsync("@watcher:done");
        Assert.Equal(sent, await watching.WaitAsync(LineTestClient.DefaultTimeout));
        Assert.Equal(["sender", "watcher"], server.Hub.OnlineNicks().Order());
    }

    private static Task<List<string>> CollectDirectMessagesAsync(LineTestClient client, int count) => CollectAsync(client, "DM ", count);

    private static async Task<List<string>> CollectAsync(LineTestClient client, string prefix, int count)
    {
        var lines = new List<string>();
        while (lines.Count < count)
        {
            var (line, _) = await client.WaitForAsync(l => l.StartsWith(prefix, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            lines.Add(line);
        }

        return lines;
    }
}

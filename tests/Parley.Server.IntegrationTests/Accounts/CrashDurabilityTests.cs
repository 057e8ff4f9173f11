using Parley.Protocols.Line;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Accounts;

/// <summary>
/// The durability promise: once the server said "delivered" or "stored", the message survives a
/// kill -9 of the server process. A real child process is killed and started again.
/// </summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private const string Password = "correct-horse";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "parley-crash-" + Guid.NewGuid().ToString("N"));

    public CrashDurabilityTests() => Directory.CreateDirectory(_data);

    [Fact]
    public Task Confirmed_messages_survive_kill_9_and_are_delivered_or_shown_after_restart() => ConfirmedMessagesSurviveKill9Async(null);

    // The longest commit delay: every OK waited in the writer's window, and the kill comes while
    // later windows are open; what was confirmed must still be there.
    [Fact]
    public Task Confirmed_messages_survive_kill_9_with_the_longest_commit_delay() => ConfirmedMessagesSurviveKill9Async("00:00:00.1");

    private async Task ConfirmedMessagesSurviveKill9Async(string? commitDelay)
    {
        const int count = 200;
        var settings = commitDelay is null ? null : new Dictionary<string, string> { ["Parley__Storage__CommitDelay"] = commitDelay };
        await using (var first = await ParleyServerProcess.StartAsync(_data, settings, null))
        {
            await using (var alice = await LineTestClient.ConnectAsync(first.Port))
                Assert.Equal("OK registered and logged in as alice", (await alice.CommandAsync($"/register alice {Password}")).Reply);
            await using var carol = await LineTestClient.ConnectAsync(first.Port);
            Assert.Equal("OK registered and logged in as carol", (await carol.CommandAsync($"/register carol {Password}")).Reply);
            await using var bob = await LineTestClient.ConnectAsync(first.Port);
            await bob.RegisterAsync("bob");

            // Pipelined: many commits in flight; the kill comes right after the last confirmation.
            for (var i = 0; i < count; i++)
                await bob.SendAsync($"@alice:stored {i}");
            await bob.SendAsync("@carol:live one");
            await bob.SendAsync("/bm broadcast one");
            for (var i = 0; i < count; i++)
                Assert.Equal("OK stored for alice (offline)", (await bob.ReplyAsync()).Line);
            Assert.Equal("OK delivered to carol", (await bob.ReplyAsync()).Line);
            Assert.Equal("OK sent to 1 user", (await bob.ReplyAsync()).Line);

            first.Kill();
        }

        await using var second = await ParleyServerProcess.StartAsync(_data);
        await using var aliceAgain = await LineTestClient.ConnectAsync(second.Port);
        await aliceAgain.SendAsync($"/login alice {Password}");
        var (login, missed) = await aliceAgain.ReplyAsync();
        Assert.Equal($"OK logged in as alice; {count} stored messages delivered", login);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"stored {i}"), missed.Select(l => ServerLineParser.Parse(l).Text));

        await using var carolAgain = await LineTestClient.ConnectAsync(second.Port);
        Assert.StartsWith("OK logged in as carol", (await carolAgain.CommandAsync($"/login carol {Password}")).Reply, StringComparison.Ordinal);
        await carolAgain.SendAsync("/history bob");
        var (_, dms) = await carolAgain.ReplyAsync();
        Assert.Equal(["live one"], dms.Select(l => ServerLineParser.Parse(l).Text));
        await carolAgain.SendAsync("/history *");
        var (_, broadcasts) = await carolAgain.ReplyAsync();
        Assert.Equal(["broadcast one"], broadcasts.Select(l => ServerLineParser.Parse(l).Text));
    }

    [Fact]
    public async Task Confirmed_room_messages_survive_kill_9_and_show_in_history_after_restart()
    {
        const int count = 100;
        await using (var first = await ParleyServerProcess.StartAsync(_data))
        {
            await using var carol = await LineTestClient.ConnectAsync(first.Port);
            Assert.Equal("OK registered and logged in as carol", (await carol.CommandAsync($"/register carol {Password}")).Reply);
            await carol.JoinAsync("#ops");
            Assert.Equal("OK registered #ops to carol", (await carol.CommandAsync("/register #ops")).Reply);
            await using var bob = await LineTestClient.ConnectAsync(first.Port);
            await bob.RegisterAsync("bob");
            await bob.JoinAsync("#ops");

            // Pipelined: the kill comes right after the last OK, with commits in flight until then.
            for (var i = 0; i < count; i++)
                await bob.SendAsync($"@#ops:said {i}");
            for (var i = 0; i < count; i++)
                Assert.Equal("OK sent to 1 member of #ops", (await bob.WaitForAsync(l => l.StartsWith("OK", StringComparison.Ordinal) || l.StartsWith("ERR", StringComparison.Ordinal))).Line);

            first.Kill();
        }

        await using var second = await ParleyServerProcess.StartAsync(_data);
        await using var carolAgain = await LineTestClient.ConnectAsync(second.Port);
        Assert.StartsWith("OK logged in as carol", (await carolAgain.CommandAsync($"/login carol {Password}")).Reply, StringComparison.Ordinal);
        await carolAgain.JoinAsync("#ops");
        var (_, history) = await carolAgain.CommandAsync($"/history #ops {count}");
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"said {i}"), history.Select(l => ServerLineParser.Parse(l).Text));
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

public sealed class FloodControlTests
{
    [Fact]
    public async Task Commands_over_the_burst_are_refused_with_when_to_retry_and_quit_still_works()
    {
        // One token per 100 s: nothing refills while the test runs, however slow the machine.
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Parley:Limits:Flood:MessagesPerSecond"] = "0.01",
            ["Parley:Limits:Flood:Burst"] = "3",
            ["Parley:Limits:Flood:DisconnectAfterRefusals"] = "0",
        });
        await using var alice = await server.ConnectAsync();

        await alice.SendAsync("#alice\n/rooms\n/users\n/rooms\n@nobody:hi");

        await alice.ExpectAsync("OK registered as alice");
        await alice.ExpectAsync("OK 0 rooms");
        await alice.WaitForAsync(l => l.StartsWith("OK 1 user", StringComparison.Ordinal));
        Assert.Matches("^ERR FLOOD slow down; retry in [0-9]+ ms$", await alice.ReadLineAsync());
        Assert.Matches("^ERR FLOOD slow down; retry in [0-9]+ ms$", await alice.ReadLineAsync());
        await alice.SendAsync("/quit bye");
        Assert.Equal(["BYE bye"], await alice.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task Sustained_flooding_disconnects_and_everyone_sees_why()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Parley:Limits:Flood:MessagesPerSecond"] = "0.01",
            ["Parley:Limits:Flood:Burst"] = "2",
            ["Parley:Limits:Flood:DisconnectAfterRefusals"] = "3",
        });
        await using var watcher = await server.ConnectAsAsync("watcher");
        await using var flooder = await server.ConnectAsync();
        await flooder.RegisterAsync("flooder");

        await flooder.SendAsync(string.Join('\n', Enumerable.Range(0, 10).Select(i => $"hello {i}")));

        var lines = await flooder.ReadUntilClosedAsync();
        Assert.Equal("OK sent to 1 user", lines[0]);
        Assert.StartsWith("ERR FLOOD", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("ERR FLOOD", lines[2], StringComparison.Ordinal);
        Assert.Equal("BYE flooding", lines[^1]);
        await watcher.WaitForAsync(l => l == "SYS flooder dropped (flooding)");
        Assert.Equal(["watcher"], server.Hub.OnlineNicks());
    }

    [Fact]
    public async Task Refused_command_succeeds_once_the_time_given_has_passed()
    {
        // The server's clock, faked: the bucket refills when the test moves it, never by waiting.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await ParleyTestServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Parley:Limits:Flood:MessagesPerSecond"] = "5",
                ["Parley:Limits:Flood:Burst"] = "2",
            },
            services => services.AddSingleton<TimeProvider>(time));
        await using var alice = await server.ConnectAsAsync("alice");

        await alice.SendAsync("/rooms\n/rooms");
        await alice.ExpectAsync("OK 0 rooms");
        var refused = await alice.ReadLineAsync();
        var retry = int.Parse(System.Text.RegularExpressions.Regex.Match(refused, "^ERR FLOOD slow down; retry in ([0-9]+) ms$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(200, retry);
        Assert.Equal("ERR FLOOD slow down; retry in 200 ms", (await alice.CommandAsync("/rooms")).Reply);

        time.Advance(TimeSpan.FromMilliseconds(retry));
        Assert.Equal("OK 0 rooms", (await alice.CommandAsync("/rooms")).Reply);
    }

    [Fact]
    public async Task Default_limits_let_a_person_paste_twenty_lines_at_once()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");

        await alice.SendAsync(string.Join('\n', Enumerable.Repeat("/rooms", 19)));

        for (var i = 0; i < 19; i++)
            await alice.ExpectAsync("OK 0 rooms");
    }
}

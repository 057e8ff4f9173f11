using Parley.FrontEnds.Connections;
using Parley.FrontEnds.Tests.Harness;

namespace Parley.FrontEnds.Tests.Sessions;

/// <summary>
/// Flood control on the fake clock (docs/architecture.md, "Flood control"): the line protocol
/// refuses with <c>ERR FLOOD</c> and the time to wait, IRC holds the command back (fakelag). No
/// test waits for real time: the clock moves when the test says.
/// </summary>
public sealed class FloodControlTests : IAsyncDisposable
{
    private InMemoryFrontEnds? _server;

    [Fact]
    public async Task Line_commands_over_the_burst_get_err_flood_with_the_wait_and_run_once_the_clock_has_moved_it()
    {
        var server = Start(new FloodOptions { MessagesPerSecond = 1, Burst = 2, DisconnectAfterRefusals = 0 });
        var alice = await server.ConnectLineAsAsync("alice");

        await alice.SendAsync("/rooms");
        await alice.ExpectAsync("OK 0 rooms");
        await alice.SendAsync("/rooms");
        await alice.ExpectAsync("ERR FLOOD slow down; retry in 1000 ms");

        server.Clock.Advance(TimeSpan.FromSeconds(1));
        await alice.SendAsync("/rooms");
        await alice.ExpectAsync("OK 0 rooms");
        // /quit takes no token.
        await alice.SendAsync("/quit bye");
        Assert.Equal(["BYE bye"], await alice.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task Line_refusals_within_the_window_disconnect_and_refusals_spread_wider_do_not()
    {
        var server = Start(new FloodOptions { MessagesPerSecond = 0.001, Burst = 1, DisconnectAfterRefusals = 3, RefusalWindow = TimeSpan.FromSeconds(10) });
        var watcher = await server.ConnectLineAsAsync("watcher");
        var flooder = await server.ConnectLineAsAsync("flooder");
        await watcher.ExpectAsync("SYS flooder joined");

        await flooder.SendAsync("hello 1");
        await flooder.SendAsync("hello 2");
        Assert.StartsWith("ERR FLOOD", await flooder.ReadLineAsync(), StringComparison.Ordinal);
        Assert.StartsWith("ERR FLOOD", await flooder.ReadLineAsync(), StringComparison.Ordinal);
        server.Clock.Advance(TimeSpan.FromSeconds(11));
        await flooder.SendAsync("hello 3");
        Assert.StartsWith("ERR FLOOD", await flooder.ReadLineAsync(), StringComparison.Ordinal);
        await flooder.SendAsync("hello 4");
        await flooder.SendAsync("hello 5");

        var lines = await flooder.ReadUntilClosedAsync();
        Assert.StartsWith("ERR FLOOD", lines[0], StringComparison.Ordinal);
        Assert.Equal("BYE flooding", lines[^1]);
        await watcher.ExpectAsync("SYS flooder dropped (flooding)");
    }

    [Fact]
    public async Task Irc_commands_over_the_burst_wait_for_a_token_on_the_clock_and_none_is_refused()
    {
        var server = Start(new FloodOptions { MessagesPerSecond = 1, Burst = 3 });
        var alice = await server.ConnectIrcAsAsync("alice");
        // NICK and USER took two tokens; PING a takes the last.
        await alice.SendAsync("PING a");
        await alice.ExpectAsync(":parley PONG parley a");

        await alice.SendAsync("PING b");
        await alice.SendAsync("PING c");
        await server.Clock.WhenTimersMadeAsync(TimeSpan.FromSeconds(1));
        Assert.Empty(alice.ReadWritten());
        server.Clock.Advance(TimeSpan.FromSeconds(1));
        await alice.ExpectAsync(":parley PONG parley b");

        await server.Clock.WhenTimersMadeAsync(TimeSpan.FromSeconds(1), count: 2);
        Assert.Empty(alice.ReadWritten());
        server.Clock.Advance(TimeSpan.FromSeconds(1));
        await alice.ExpectAsync(":parley PONG parley c");
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private InMemoryFrontEnds Start(FloodOptions flood)
    {
        _server = new InMemoryFrontEnds(new ConnectionLimits { Flood = flood });
        return _server;
    }
}

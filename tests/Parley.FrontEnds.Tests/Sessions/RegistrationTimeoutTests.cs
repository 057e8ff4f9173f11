using Parley.FrontEnds.Connections;
using Parley.FrontEnds.Tests.Harness;

namespace Parley.FrontEnds.Tests.Sessions;

/// <summary>The registration timeout on the fake clock: a connection that never registers is closed, a registered one stays.</summary>
public sealed class RegistrationTimeoutTests : IAsyncDisposable
{
    // Not a due time any other timer of the tier has, so the test waits for the right timers.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(37);
    private readonly InMemoryFrontEnds _server = new(new ConnectionLimits
    {
        RegistrationTimeout = Timeout,
        Flood = new FloodOptions { MessagesPerSecond = 0 },
    });

    [Fact]
    public async Task A_line_connection_that_does_not_register_in_time_is_closed_and_a_registered_one_stays()
    {
        var registered = await _server.ConnectLineAsAsync("alice");
        var idle = _server.ConnectLine();
        await idle.ReadLineAsync();
        await _server.Clock.WhenTimersMadeAsync(Timeout, count: 2);

        _server.Clock.Advance(Timeout);

        Assert.Equal(["BYE registration timed out"], await idle.ReadUntilClosedAsync());
        await registered.SendAsync("/whoami");
        await registered.ExpectAsync("OK you are alice, a guest");
    }

    [Fact]
    public async Task An_irc_connection_that_does_not_register_in_time_is_closed_and_a_registered_one_stays()
    {
        var registered = await _server.ConnectIrcAsAsync("alice");
        var idle = _server.ConnectIrc();
        await _server.Clock.WhenTimersMadeAsync(Timeout, count: 2);

        _server.Clock.Advance(Timeout);

        Assert.Equal(["ERROR :Closing Link: *[parley] (Registration timed out)"], await idle.ReadUntilClosedAsync());
        await registered.SendAsync("PING still");
        await registered.ExpectAsync(":parley PONG parley still");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

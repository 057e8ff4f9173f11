using Microsoft.Extensions.Time.Testing;
using Parley.FrontEnds.Connections;

namespace Parley.FrontEnds.Tests.Connections;

/// <summary>The flood gate's token bucket and refusal window on a fake clock: refill by elapsed time, never by a timer.</summary>
public sealed class FloodGateTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void A_full_bucket_gives_the_burst_then_refuses_with_the_refill_period()
    {
        var gate = new FloodGate(new FloodOptions { MessagesPerSecond = 4, Burst = 3, DisconnectAfterRefusals = 0 }, _clock);

        for (var i = 0; i < 3; i++)
            Assert.Equal(FloodVerdict.Allowed, gate.Check(out _));

        Assert.Equal(FloodVerdict.Refused, gate.Check(out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(250), retryAfter);
    }

    [Fact]
    public void Tokens_come_back_with_the_clock_fractions_kept_and_never_above_the_burst()
    {
        var gate = new FloodGate(new FloodOptions { MessagesPerSecond = 4, Burst = 2, DisconnectAfterRefusals = 0 }, _clock);
        Assert.True(gate.TryTake(out _));
        Assert.True(gate.TryTake(out _));

        // Two half refills make one token.
        _clock.Advance(TimeSpan.FromMilliseconds(125));
        Assert.False(gate.TryTake(out _));
        _clock.Advance(TimeSpan.FromMilliseconds(125));
        Assert.True(gate.TryTake(out _));

        // A quiet hour fills the bucket to the burst, not beyond.
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.True(gate.TryTake(out _));
        Assert.True(gate.TryTake(out _));
        Assert.False(gate.TryTake(out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(250), retryAfter);
    }

    [Fact]
    public void Refusals_within_the_window_make_the_connection_abusive_and_an_old_refusal_does_not_count()
    {
        var options = new FloodOptions { MessagesPerSecond = 0.001, Burst = 1, DisconnectAfterRefusals = 3, RefusalWindow = TimeSpan.FromSeconds(10) };
        var gate = new FloodGate(options, _clock);
        Assert.Equal(FloodVerdict.Allowed, gate.Check(out _));

        Assert.Equal(FloodVerdict.Refused, gate.Check(out _));
        _clock.Advance(TimeSpan.FromSeconds(11));
        // The first refusal is out of the window: the count starts again.
        Assert.Equal(FloodVerdict.Refused, gate.Check(out _));
        Assert.Equal(FloodVerdict.Refused, gate.Check(out _));
        Assert.Equal(FloodVerdict.Abusive, gate.Check(out _));
    }

    [Fact]
    public void Taking_for_fakelag_never_counts_a_refusal()
    {
        var gate = new FloodGate(new FloodOptions { MessagesPerSecond = 1, Burst = 1, DisconnectAfterRefusals = 2 }, _clock);
        Assert.True(gate.TryTake(out _));

        for (var i = 0; i < 5; i++)
            Assert.False(gate.TryTake(out _));

        Assert.Equal(FloodVerdict.Refused, gate.Check(out _));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(FloodVerdict.Allowed, gate.Check(out _));
    }
}

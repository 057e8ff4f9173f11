using Microsoft.Extensions.Time.Testing;

namespace Parley.FrontEnds.Tests.Harness;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells when timers are made, so a test can await the
/// moment a connection starts waiting (a fakelag delay, a registration timer) before it moves the
/// clock: moved earlier, the timer would be due from the later time and never fire.
/// </summary>
/// <remarks>Thread-safe: connections make timers on their own threads.</remarks>
public sealed class TestClock : FakeTimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _made = [];
    private readonly List<(TimeSpan DueTime, int Count, TaskCompletionSource Done)> _waiters = [];

    /// <summary>Starts at a fixed instant (a Tuesday noon, UTC), so message times are known.</summary>
    public TestClock()
        : base(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_lock)
        {
            _made.Add(dueTime);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (Made(_waiters[i].DueTime) >= _waiters[i].Count)
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }

        return timer;
    }

    /// <summary>Completes once <paramref name="count"/> timers due in <paramref name="dueTime"/> have been made since the start.</summary>
    /// <param name="dueTime">The first due time the timers were made with.</param>
    /// <param name="count">How many such timers, counted from the clock's creation.</param>
    /// <param name="timeout">Real time to wait at most; the test fails after it.</param>
    public Task WhenTimersMadeAsync(TimeSpan dueTime, int count = 1, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (Made(dueTime) >= count)
                return Task.CompletedTask;
            _waiters.Add((dueTime, count, done));
        }

        return done.Task.WaitAsync(timeout ?? PipeClient.DefaultTimeout);
    }

    // Under _lock.
    private int Made(TimeSpan dueTime) => _made.Count(d => d == dueTime);
}

using Parley.Core.Events;
using Parley.Core.Sessions;

namespace Parley.Cluster.RabbitMq.Tests;

/// <summary>A session sink that keeps what it is given and lets a test await an event (with a timeout, never a sleep).</summary>
public sealed class WaitingSink(bool seesAllPresence = true) : ISessionSink
{
    private readonly List<ChatEvent> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool SeesAllPresence => seesAllPresence;

    public string? ClosedWith { get; private set; }

    public IReadOnlyList<ChatEvent> Events
    {
        get
        {
            lock (_events)
                return [.. _events];
        }
    }

    public IReadOnlyList<T> Of<T>() where T : ChatEvent => [.. Events.OfType<T>()];

    /// <summary>
    /// While set and not open, <see cref="Deliver"/> waits on it (at most 60 s): a consumer that
    /// stopped consuming, so what the broker holds for its node stays in the node's queue.
    /// </summary>
    public ManualResetEventSlim? Gate { get; set; }

    public void Deliver(ChatEvent chatEvent)
    {
        Gate?.Wait(TimeSpan.FromSeconds(60));
        lock (_events)
        {
            _events.Add(chatEvent);
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Close(string reason)
    {
        lock (_events)
        {
            ClosedWith ??= reason;
            _changed.TrySetResult();
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds for what was delivered, or fails after <paramref name="seconds"/>.</summary>
    public async Task<IReadOnlyList<ChatEvent>> WaitForAsync(Func<IReadOnlyList<ChatEvent>, bool> done, string what, int seconds = 20)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            Task changed;
            lock (_events)
            {
                if (done(_events))
                    return [.. _events];
                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"waited {seconds} s for {what}; got: {string.Join(", ", Events.Select(e => e.GetType().Name))}");
            }
        }
    }
}

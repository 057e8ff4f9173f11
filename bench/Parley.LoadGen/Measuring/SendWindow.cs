using System.Diagnostics;

namespace Parley.LoadGen.Measuring;

/// <summary>
/// The in-flight window of one closed-loop sender: deliveries return credits, the sender takes
/// every credit available at once (one write for several messages). A credit that does not come
/// back within the loss timeout counts as lost and is forgiven, so a lost message cannot stall
/// the sender; a late delivery then pays that debt back instead of adding a credit.
/// </summary>
/// <remarks>Thread-safe: receivers call <see cref="Return"/> from their reader loops.</remarks>
internal sealed class SendWindow
{
    private readonly Lock _gate = new();
    private int _available;
    private int _debt;
    private TaskCompletionSource? _waiter;

    /// <summary>A window of <paramref name="size"/> messages in flight.</summary>
    public SendWindow(int size) => _available = size;

    /// <summary>Credits given up for lost after the loss timeout.</summary>
    public long Timeouts { get; private set; }

    /// <summary>Returns one credit (a delivery arrived).</summary>
    public void Return()
    {
        TaskCompletionSource? wake = null;
        lock (_gate)
        {
            if (_debt > 0)
            {
                _debt--;
                return;
            }

            _available++;
            wake = _waiter;
            _waiter = null;
        }

        wake?.TrySetResult();
    }

    /// <summary>Takes 1 to <paramref name="max"/> credits, waiting for one; 0 once <paramref name="deadlineTicks"/> passed.</summary>
    public async ValueTask<int> TakeAsync(int max, TimeSpan lossTimeout, long deadlineTicks)
    {
        // Bounded: each pass either returns or waits at most lossTimeout, and the deadline ends it.
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_available > 0)
                {
                    var n = Math.Min(_available, max);
                    _available -= n;
                    return n;
                }

                _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _waiter.Task;
            }

            var now = Stopwatch.GetTimestamp();
            if (now >= deadlineTicks)
                return 0;
            var left = Stopwatch.GetElapsedTime(now, deadlineTicks);
            try
            {
                await wait.WaitAsync(left < lossTimeout ? left : lossTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                if (Stopwatch.GetTimestamp() >= deadlineTicks)
                    return 0;
                lock (_gate)
                {
                    if (_available > 0)
                        continue;
                    _debt++;
                    Timeouts++;
                }

                return 1;
            }
        }
    }
}

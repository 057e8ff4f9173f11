namespace Parley.Server.Connections;

/// <summary>Lets one log line through per interval (the first at once), so repeated events cannot flood the log.</summary>
/// <remarks>Thread-safe: a compare-and-swap on the next time a line may pass.</remarks>
internal sealed class LogGate(TimeSpan interval, TimeProvider time)
{
    private readonly long _intervalTicks = (long)(interval.TotalSeconds * time.TimestampFrequency);
    private long _next = long.MinValue;

    /// <summary>Whether a line may be logged now; if so, the next one waits an interval.</summary>
    public bool TryPass()
    {
        var now = time.GetTimestamp();
        var due = Volatile.Read(ref _next);
        return now >= due && Interlocked.CompareExchange(ref _next, now + _intervalTicks, due) == due;
    }
}

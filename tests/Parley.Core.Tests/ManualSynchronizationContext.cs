namespace Parley.Core.Tests;

/// <summary>
/// A synchronization context whose posted work runs only when the test pumps it, one item at a
/// time and in order: a single-threaded stand-in for the thread pool's queue, so a test can see
/// which work runs between the turns of another.
/// </summary>
internal sealed class ManualSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _posted = new();

    public int Pending => _posted.Count;

    public override void Post(SendOrPostCallback d, object? state) => _posted.Enqueue((d, state));

    /// <summary>Runs the oldest posted item with this context current; false when none waits.</summary>
    public bool RunOne()
    {
        if (!_posted.TryDequeue(out var item))
            return false;
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            item.Callback(item.State);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }

        return true;
    }
}

using System.Collections.Concurrent;
using System.IO.Pipelines;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>
/// A pipe scheduler that holds every continuation until <see cref="RunAll"/>, so a test decides
/// what happens before a pipe's reader resumes (as the thread pool may, under load).
/// </summary>
internal sealed class HeldPipeScheduler : PipeScheduler
{
    private readonly ConcurrentQueue<(Action<object?> Action, object? State)> _held = new();

    public override void Schedule(Action<object?> action, object? state) => _held.Enqueue((action, state));

    /// <summary>Runs the held continuations, and those they schedule, on this thread.</summary>
    public void RunAll()
    {
        while (_held.TryDequeue(out var continuation))
            continuation.Action(continuation.State);
    }
}

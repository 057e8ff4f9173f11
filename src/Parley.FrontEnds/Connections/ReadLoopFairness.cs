namespace Parley.FrontEnds.Connections;

/// <summary>
/// Fairness between connections: a read loop that has run <see cref="CommandsPerTurn"/> commands
/// without waiting for input gives its thread back (<see cref="Task.Yield"/> queues the rest of its
/// work behind everyone else's), so one connection's pipelined burst cannot hold a thread while
/// other connections' lines wait.
/// </summary>
/// <remarks>
/// Not thread-safe: one per read loop. A command that awaits (a commit, a gate) yields by itself;
/// this bounds the run of commands that complete synchronously (<c>/whoami</c>, <c>WHO</c>, a
/// refused line). docs/architecture.md, "Concurrency rules".
/// </remarks>
internal struct ReadLoopFairness
{
    /// <summary>
    /// Commands run in a row before yielding: 32. Each is microseconds, so a turn is well under a
    /// millisecond and yielding (one thread-pool work item) costs little next to it.
    /// </summary>
    public const int CommandsPerTurn = 32;

    private int _run;

    /// <summary>Counts one command; every <see cref="CommandsPerTurn"/>-th call yields the thread.</summary>
    /// <returns>A task that completes at once, or after the yield.</returns>
    public Task AfterCommandAsync()
    {
        if (++_run < CommandsPerTurn)
            return Task.CompletedTask;
        _run = 0;
        return YieldAsync();
    }

    private static async Task YieldAsync() => await Task.Yield();
}

namespace Parley.Core.Accounts.Throttling;

/// <summary>
/// Bounds the CPU spent on password hashing (PBKDF2, ~0.1 s of one core per hash at the default
/// iterations): at most <see cref="MaxConcurrent"/> hashes run at once, fewer than the cores, so a
/// flood of logins or registrations leaves a core for chat; at most <see cref="MaxQueued"/> more
/// wait their turn (asynchronously, holding no thread), and beyond that an attempt is refused at
/// once (<see cref="Presence.ChatError.ServerBusy"/>) rather than queued without end.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class PasswordHashingLimiter : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private int _pending;

    /// <summary>Creates the queue.</summary>
    /// <param name="maxConcurrent">Hashes running at once; 0 for <see cref="DefaultConcurrency"/>.</param>
    /// <param name="maxQueued">Hashes waiting beyond those; 0 refuses whatever finds every slot taken.</param>
    public PasswordHashingLimiter(int maxConcurrent = 0, int maxQueued = 32)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxConcurrent);
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueued);
        MaxConcurrent = maxConcurrent == 0 ? DefaultConcurrency : maxConcurrent;
        MaxQueued = maxQueued;
        _slots = new SemaphoreSlim(MaxConcurrent, MaxConcurrent);
    }

    /// <summary>One less than the processor count, at least 1: a core stays free for chat.</summary>
    public static int DefaultConcurrency => Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Hashes that may run at once.</summary>
    public int MaxConcurrent { get; }

    /// <summary>Hashes that may wait for a slot.</summary>
    public int MaxQueued { get; }

    /// <summary>Hashes running or waiting now.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();

    /// <summary>Runs <paramref name="work"/> when a slot is free, unless the queue is full.</summary>
    /// <typeparam name="TState">The work's argument.</typeparam>
    /// <typeparam name="TResult">The work's result.</typeparam>
    /// <param name="work">The hashing; runs on the caller's thread or a thread-pool thread.</param>
    /// <param name="state">Its argument.</param>
    /// <param name="cancellationToken">Cancels waiting for a slot.</param>
    /// <returns>Whether it ran (false: the queue was full), and its result.</returns>
    public async ValueTask<(bool Ran, TResult Result)> TryRunAsync<TState, TResult>(
        Func<TState, TResult> work, TState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Interlocked.Increment(ref _pending) > MaxConcurrent + MaxQueued)
        {
            Interlocked.Decrement(ref _pending);
            return (false, default!);
        }

        try
        {
            await _slots.WaitAsync(cancellationToken);
            try
            {
                return (true, work(state));
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }
}

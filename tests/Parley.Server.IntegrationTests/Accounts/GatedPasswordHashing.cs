using Parley.Core.Accounts;

namespace Parley.Server.IntegrationTests.Accounts;

/// <summary>
/// The server's real hashing, held at a gate the test opens, and recording how many hashes ran at
/// once at most: shows that hashing is bounded without timing anything.
/// </summary>
internal sealed class GatedPasswordHashing(IPasswordHashing inner) : IPasswordHashing, IDisposable
{
    private readonly ManualResetEventSlim _gate = new(initialState: true);
    private int _running;
    private int _maxRunning;
    private int _entered;
    private readonly TaskCompletionSource _firstEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    /// <summary>Hashes that have started (past the queue), whether or not the gate let them finish.</summary>
    public int Entered => Volatile.Read(ref _entered);

    /// <summary>Completes when the first hash has started.</summary>
    public Task FirstEntered => _firstEntered.Task;

    public void Close() => _gate.Reset();

    public void Open() => _gate.Set();

    public string Hash(string password) => Run(() => inner.Hash(password));

    public PasswordCheck Verify(string hash, string password) => Run(() => inner.Verify(hash, password));

    public void Dispose() => _gate.Dispose();

    private T Run<T>(Func<T> work)
    {
        Interlocked.Increment(ref _entered);
        _firstEntered.TrySetResult();
        var now = Interlocked.Increment(ref _running);
        int seen;
        while ((seen = Volatile.Read(ref _maxRunning)) < now && Interlocked.CompareExchange(ref _maxRunning, now, seen) != seen)
        {
        }

        try
        {
            _gate.Wait(TimeSpan.FromSeconds(30));
            return work();
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}

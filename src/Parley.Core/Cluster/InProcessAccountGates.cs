namespace Parley.Core.Cluster;

/// <summary>
/// The account gates of one process, the hub's default: 64 striped <see cref="SemaphoreSlim"/>s
/// (account id modulo 64), all made up front. Unrelated accounts rarely share a gate, and when
/// they do they only wait for each other's short critical section.
/// </summary>
/// <remarks>Thread-safe; an uncontended enter completes synchronously without allocating.</remarks>
public sealed class InProcessAccountGates : IAccountGates
{
    /// <summary>How many gates accounts are striped over: 64, enough that unrelated accounts rarely share one, few enough to allocate up front.</summary>
    public const int GateCount = 64;

    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, GateCount).Select(_ => new SemaphoreSlim(1, 1))];

    /// <inheritdoc />
    public ValueTask EnterAsync(long accountId, CancellationToken cancellationToken) => new(GateOf(accountId).WaitAsync(cancellationToken));

    /// <inheritdoc />
    public void Release(long accountId) => GateOf(accountId).Release();

    private SemaphoreSlim GateOf(long accountId) => _gates[(int)((ulong)accountId % GateCount)];
}

namespace Parley.Core.Cluster;

/// <summary>
/// One gate per account, held by whatever must not interleave with a sign-in to it: routing a
/// direct message to the account (deliver now, or store as waiting), signing in (claim the nick,
/// then read what waits), <c>/missed</c> and a signed-in nick change. So a message is either
/// handed to a session or stored before the sign-in reads what waits: none is lost in between,
/// and none is delivered twice.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe. A gate is not re-entrant, and the hub holds at most one at a time and takes no
/// other lock while holding it, so gates cannot deadlock. Every <see cref="EnterAsync"/> that
/// completed is followed by exactly one <see cref="Release"/> of the same account.
/// </para>
/// <para>
/// The in-process default, <see cref="InProcessAccountGates"/>, stripes accounts over 64
/// semaphores. A cluster must keep the guarantee across nodes (docs/architecture.md, "Ids, nick
/// claims, sign-in ordering, events that cross a process"): the gate is then shared, e.g. a
/// PostgreSQL advisory lock per account.
/// </para>
/// </remarks>
public interface IAccountGates
{
    /// <summary>Waits for the gate of <paramref name="accountId"/> and takes it.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels the wait; the gate is not taken then.</param>
    /// <returns>Completes when the gate is held.</returns>
    /// <exception cref="OperationCanceledException">The wait was cancelled.</exception>
    ValueTask EnterAsync(long accountId, CancellationToken cancellationToken);

    /// <summary>Gives the gate of <paramref name="accountId"/> back; never waits.</summary>
    /// <param name="accountId">The account whose gate the caller holds.</param>
    void Release(long accountId);
}

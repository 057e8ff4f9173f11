using System.Collections.Frozen;
using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Moderation;

/// <summary>
/// Who is a server operator (may <c>/kill</c> and set server-wide bans): the accounts named in the
/// configuration list <c>Parley:Operators</c>.
/// </summary>
/// <remarks>
/// A name is an account, matched against the session's logged-in account only: a guest can never
/// be an operator, whatever nick it uses (and no guest can use an account's nick anyway). An
/// operator logs in (<c>/login</c>) before using the commands. Immutable; thread-safe.
/// </remarks>
public sealed class OperatorPolicy
{
    private volatile FrozenSet<string> _accounts;

    /// <summary>Creates the policy.</summary>
    /// <param name="accounts">Operator account names, any case.</param>
    public OperatorPolicy(IEnumerable<string> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        _accounts = accounts.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToFrozenSet(NickRules.Comparer);
    }

    /// <summary>Replaces the operator accounts (a configuration reload); sessions are checked against the new list from their next command. Thread-safe.</summary>
    /// <param name="accounts">Operator account names, any case.</param>
    /// <exception cref="InvalidOperationException">This is the shared <see cref="None"/>.</exception>
    public void Replace(IEnumerable<string> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (ReferenceEquals(this, None))
            throw new InvalidOperationException("OperatorPolicy.None is shared and never changes.");
        _accounts = accounts.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToFrozenSet(NickRules.Comparer);
        Interlocked.Increment(ref _generation);
    }

    // Bumped by every Replace, so the hub's kept operator count knows to recount once.
    private int _generation;

    /// <summary>How many times the accounts were replaced: the hub recounts its operators when it changes.</summary>
    internal int Generation => Volatile.Read(ref _generation);

    /// <summary>The operator account names, for a reload's log line.</summary>
    public int Count => _accounts.Count;

    /// <summary>A policy with no operators.</summary>
    public static OperatorPolicy None { get; } = new([]);

    /// <summary>Whether <paramref name="session"/> is a server operator.</summary>
    /// <param name="session">The session.</param>
    /// <returns>
    /// True when it is logged in to an account in the configured list, or became an operator
    /// through one (<see cref="ChatSession.OperatorAccount"/>, IRC's <c>OPER</c>).
    /// </returns>
    public bool IsOperator(ChatSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return (session.Presence is { AccountId: not null } signedIn && _accounts.Contains(signedIn.AccountName!))
            || (session.OperatorAccount is { } oper && _accounts.Contains(oper));
    }

    /// <summary>The operator account names as configured (IRC's <c>STATS o</c>).</summary>
    public IReadOnlyCollection<string> Accounts => _accounts;

    /// <summary>Whether the account named <paramref name="account"/> is a server operator.</summary>
    /// <param name="account">The account's name, any case.</param>
    /// <returns>True when it is in the configured list.</returns>
    public bool IsOperatorAccount(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _accounts.Contains(account);
    }
}

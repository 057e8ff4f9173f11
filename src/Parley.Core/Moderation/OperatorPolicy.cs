using System.Collections.Frozen;
using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Moderation;

/// <summary>
/// Who is a server operator (may <c>/kill</c> and set server-wide bans): the names in the
/// configuration list <c>Parley:Operators</c>.
/// </summary>
/// <remarks>
/// Until accounts exist, a name is matched against the session's nick, which anyone can take
/// while the operator is offline: so configure operators only on servers where that is
/// acceptable (tests, trusted networks). With accounts, <see cref="IsOperator"/> switches to the
/// session's logged-in account and nothing else changes. Immutable; thread-safe.
/// </remarks>
public sealed class OperatorPolicy
{
    private readonly FrozenSet<string> _names;

    /// <summary>Creates the policy.</summary>
    /// <param name="names">Operator names (nicks for now, accounts later), any case.</param>
    public OperatorPolicy(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToFrozenSet(NickRules.Comparer);
    }

    /// <summary>A policy with no operators.</summary>
    public static OperatorPolicy None { get; } = new([]);

    /// <summary>Whether <paramref name="session"/> is a server operator.</summary>
    /// <param name="session">The session.</param>
    /// <returns>True when its nick (later: its account) is in the configured list.</returns>
    public bool IsOperator(ChatSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Nick is { } nick && _names.Contains(nick);
    }
}

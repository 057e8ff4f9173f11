using Parley.Core.Presence;

namespace Parley.Core.Cluster;

/// <summary>
/// One nick held in the nick space (<see cref="INickClaims"/>): by a guest's session, or by an
/// account (under its name, or under another nick an IRC client kept at SASL). The instance is
/// the claim's token: <see cref="INickClaims.TryReplaceAsync"/> and
/// <see cref="INickClaims.Release"/> act on this very claim, never on a newer claim of the nick.
/// </summary>
/// <remarks>
/// The hub's own claims are its online holders (the sessions on this node that hold the nick);
/// a cluster implementation adds its own kind for nicks held on other nodes. Immutable.
/// </remarks>
public abstract class NickClaim
{
    /// <summary>Creates a claim.</summary>
    /// <param name="nick">The nick as shown; see <see cref="NickRules"/>.</param>
    /// <param name="accountId">The owning account, or null for a guest.</param>
    /// <param name="accountName">The owning account's name, or null for a guest.</param>
    protected NickClaim(string nick, long? accountId, string? accountName)
    {
        ArgumentNullException.ThrowIfNull(nick);
        Nick = nick;
        AccountId = accountId;
        AccountName = accountName;
        IsAlias = accountName is not null && !NickRules.Comparer.Equals(nick, accountName);
    }

    /// <summary>The nick as shown.</summary>
    public string Nick { get; }

    /// <summary>The owning account, or null for a guest.</summary>
    public long? AccountId { get; }

    /// <summary>The owning account's name, or null for a guest.</summary>
    public string? AccountName { get; }

    /// <summary>True when an account holds a nick that is not its name (IRC: the nick kept after SASL).</summary>
    public bool IsAlias { get; }
}

using System.Diagnostics.CodeAnalysis;

namespace Parley.Core.Cluster;

/// <summary>
/// The nick space: which nick is held, and by whom (<see cref="NickClaim"/>). The hub claims a
/// nick before anyone is told of it, so two sessions (in one process, or on two nodes sharing
/// this port) never hold one nick. Nicks compare as <see cref="Presence.NickRules.Comparer"/> does.
/// </summary>
/// <remarks>
/// <para>
/// The hub's use: a guest's nick is claimed (<see cref="TryClaimAsync"/>) and released when its
/// session leaves (<see cref="Release"/>); a rename claims the new nick and then releases the old,
/// so the user holds one of them throughout; a case change, or a guest registering the nick it
/// uses, replaces its own claim (<see cref="TryReplaceAsync"/>). An account's nick is one claim
/// for all its sessions: the first claims it, later ones join the claim (the hub's holder keeps
/// its sessions), the last one releases it.
/// </para>
/// <para>
/// Enumerating gives every claim with its key (the nick as first claimed: a case change keeps the
/// key and changes <see cref="NickClaim.Nick"/>); broadcasts enumerate it, so the enumerator is
/// the only allocation it may make.
/// </para>
/// <para>
/// Thread-safe. <see cref="TryFind"/> and enumeration read this node's view without locking and
/// without I/O (they route every message); claims may wait for a shared store, and are made only
/// by registration, sign-in and nick changes. The in-process default,
/// <see cref="InProcessNickClaims"/>, is a <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/>.
/// </para>
/// </remarks>
public interface INickClaims : IEnumerable<KeyValuePair<string, NickClaim>>
{
    /// <summary>The claim of <paramref name="nick"/> (any case), or false when it is free.</summary>
    /// <param name="nick">The nick.</param>
    /// <param name="claim">The claim found.</param>
    /// <returns>True when the nick is held.</returns>
    bool TryFind(string nick, [NotNullWhen(true)] out NickClaim? claim);

    /// <summary>
    /// Claims a free nick. A shared implementation also grants a nick held elsewhere by the same
    /// account (<see cref="NickClaim.AccountId"/>): an account's devices share its nick wherever
    /// they are; the hub joins its own holder instead of asking when the account is here already.
    /// </summary>
    /// <param name="claim">The new claim, of <see cref="NickClaim.Nick"/>.</param>
    /// <returns>True when claimed; false when someone else holds the nick.</returns>
    /// <exception cref="Storage.StoreUnavailableException">A shared nick space's store cannot decide (the command fails; the nick is not granted).</exception>
    ValueTask<bool> TryClaimAsync(NickClaim claim);

    /// <summary>Replaces <paramref name="current"/>, the caller's own claim, with <paramref name="claim"/> of the same nick (any case).</summary>
    /// <param name="current">The claim held now.</param>
    /// <param name="claim">The claim that takes its place.</param>
    /// <returns>True when replaced; false when <paramref name="current"/> no longer holds the nick.</returns>
    /// <exception cref="Storage.StoreUnavailableException">A shared nick space's store cannot decide.</exception>
    ValueTask<bool> TryReplaceAsync(NickClaim current, NickClaim claim);

    /// <summary>
    /// A nick <paramref name="accountId"/> holds on another node (a claim that is not this node's
    /// own), or null: how a direct message reaches an account signed in elsewhere only. Read from
    /// this node's view without I/O; the account's gate (<see cref="IAccountGates"/>) makes the
    /// view of that account current first. Null in one process (the default).
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <returns>One of its claims held elsewhere, or null.</returns>
    NickClaim? FindElsewhere(long accountId) => null;

    /// <summary>
    /// Frees the nick when <paramref name="claim"/> still holds it. Never waits: the nick is free
    /// here at once; a shared implementation frees it for the other nodes in the background (and
    /// its heartbeat frees a dead node's claims).
    /// </summary>
    /// <param name="claim">The claim.</param>
    /// <returns>True when it held the nick and was released.</returns>
    bool Release(NickClaim claim);
}

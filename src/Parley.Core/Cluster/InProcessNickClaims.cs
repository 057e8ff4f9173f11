using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Parley.Core.Presence;

namespace Parley.Core.Cluster;

/// <summary>
/// The nick space of one process, the hub's default: one
/// <see cref="ConcurrentDictionary{TKey, TValue}"/> from nick (<see cref="NickRules.Comparer"/>)
/// to claim. Each operation is the one dictionary operation the hub made before this port
/// (<c>TryGetValue</c>, <c>TryAdd</c>, <c>TryUpdate</c>, <c>TryRemove</c> of the pair), and
/// completes synchronously, so claiming costs what it did.
/// </summary>
/// <remarks>
/// Thread-safe; enumeration is the dictionary's own (no lock, one enumerator, as before this
/// port) and may miss changes made meanwhile.
/// </remarks>
public sealed class InProcessNickClaims : INickClaims
{
    private readonly ConcurrentDictionary<string, NickClaim> _claims = new(NickRules.Comparer);

    /// <inheritdoc />
    public bool TryFind(string nick, [NotNullWhen(true)] out NickClaim? claim) => _claims.TryGetValue(nick, out claim);

    /// <inheritdoc />
    public ValueTask<bool> TryClaimAsync(NickClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return new(_claims.TryAdd(claim.Nick, claim));
    }

    /// <inheritdoc />
    public ValueTask<bool> TryReplaceAsync(NickClaim current, NickClaim claim)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(claim);
        return new(_claims.TryUpdate(claim.Nick, claim, current));
    }

    /// <inheritdoc />
    public bool Release(NickClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return _claims.TryRemove(new KeyValuePair<string, NickClaim>(claim.Nick, claim));
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, NickClaim>> GetEnumerator() => _claims.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

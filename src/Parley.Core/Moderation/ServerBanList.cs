namespace Parley.Core.Moderation;

/// <summary>
/// The server-wide bans: by address, checked on every new connection; by account, checked at
/// every login and registration. Kept in memory and read from there; a store (the server's
/// SQLite) keeps them across restarts by listening to <see cref="Changed"/> and filling the list
/// with <see cref="Replace"/> at start.
/// </summary>
/// <remarks>
/// Thread-safe. The list is copy-on-write: <see cref="FindMatch"/> reads a snapshot without a
/// lock; changes (rare, by server operators) swap in a new array under a writers' lock.
/// </remarks>
public sealed class ServerBanList
{
    /// <summary>Most bans the list holds; more are refused, so a mistaken script cannot grow it without end.</summary>
    public const int MaxBans = 1000;

    private readonly Lock _writers = new();
    private ServerBan[] _bans = [];

    /// <summary>
    /// Raised after a ban was added or removed (not by <see cref="Replace"/>), outside the writers'
    /// lock, on the thread that changed the list. Handlers must not block.
    /// </summary>
    public event EventHandler<ServerBanChange>? Changed;

    /// <summary>The bans in the order set, a snapshot.</summary>
    public IReadOnlyList<ServerBan> Bans => Volatile.Read(ref _bans);

    /// <summary>The first ban covering <paramref name="address"/>, or null.</summary>
    /// <param name="address">A peer address without port.</param>
    /// <returns>The ban, or null when the address is free.</returns>
    public ServerBan? FindMatch(string address)
    {
        foreach (var ban in Volatile.Read(ref _bans))
        {
            if (ban.Matches(address))
                return ban;
        }

        return null;
    }

    /// <summary>The first ban by account covering <paramref name="account"/>, or null.</summary>
    /// <param name="account">An account's name (its nick).</param>
    /// <returns>The ban, or null when the account is free.</returns>
    public ServerBan? FindAccountMatch(string account)
    {
        foreach (var ban in Volatile.Read(ref _bans))
        {
            if (ban.MatchesAccount(account))
                return ban;
        }

        return null;
    }

    /// <summary>Adds a ban unless one with the same mask exists or the list is full.</summary>
    /// <param name="ban">The ban.</param>
    /// <returns>True when added.</returns>
    public bool TryAdd(ServerBan ban)
    {
        ArgumentNullException.ThrowIfNull(ban);
        lock (_writers)
        {
            if (_bans.Length >= MaxBans || Array.Exists(_bans, b => string.Equals(b.Mask, ban.Mask, StringComparison.OrdinalIgnoreCase)))
                return false;
            Volatile.Write(ref _bans, [.. _bans, ban]);
        }

        Changed?.Invoke(this, new ServerBanChange(ban, null));
        return true;
    }

    /// <summary>Replaces every ban with <paramref name="bans"/> (the stored list, at start or on a rehash), without raising <see cref="Changed"/>.</summary>
    /// <param name="bans">The bans; beyond <see cref="MaxBans"/> and repeated masks are dropped.</param>
    public void Replace(IEnumerable<ServerBan> bans)
    {
        ArgumentNullException.ThrowIfNull(bans);
        var kept = bans.DistinctBy(b => b.Mask, StringComparer.OrdinalIgnoreCase).Take(MaxBans).ToArray();
        lock (_writers)
            Volatile.Write(ref _bans, kept);
    }

    /// <summary>Removes the ban with <paramref name="mask"/> (any case).</summary>
    /// <param name="mask">The mask.</param>
    /// <returns>True when one was removed.</returns>
    public bool TryRemove(string mask)
    {
        lock (_writers)
        {
            var kept = Array.FindAll(_bans, b => !string.Equals(b.Mask, mask, StringComparison.OrdinalIgnoreCase));
            if (kept.Length == _bans.Length)
                return false;
            Volatile.Write(ref _bans, kept);
        }

        Changed?.Invoke(this, new ServerBanChange(null, mask));
        return true;
    }
}

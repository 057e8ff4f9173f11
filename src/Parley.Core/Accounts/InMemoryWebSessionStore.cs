using System.Collections.Concurrent;

namespace Parley.Core.Accounts;

/// <summary>
/// The in-process <see cref="IWebSessionStore"/>: sessions in memory, gone when the process stops
/// (unit tests, and a store provider that keeps none: every browser signs in again after a restart).
/// </summary>
/// <remarks>Thread-safe: one concurrent dictionary; a touch is a compare-and-swap.</remarks>
public sealed class InMemoryWebSessionStore : IWebSessionStore
{
    private readonly ConcurrentDictionary<string, WebSession> _sessions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask CreateAsync(WebSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!_sessions.TryAdd(session.TokenHash, Truncate(session)))
            throw new InvalidOperationException("a web session with this token hash exists already");
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<WebSession?> FindAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return ValueTask.FromResult(_sessions.GetValueOrDefault(tokenHash));
    }

    /// <inheritdoc />
    public ValueTask<bool> TouchAsync(string tokenHash, DateTimeOffset lastUsedUtc, DateTimeOffset expiresUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        while (_sessions.TryGetValue(tokenHash, out var old))
        {
            if (_sessions.TryUpdate(tokenHash, Truncate(old with { LastUsedUtc = lastUsedUtc, ExpiresUtc = expiresUtc }), old))
                return ValueTask.FromResult(true);
        }

        return ValueTask.FromResult(false);
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return ValueTask.FromResult(_sessions.TryRemove(tokenHash, out _));
    }

    /// <inheritdoc />
    public ValueTask<int> DeleteAllAsync(long accountId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(RemoveWhere(s => s.AccountId == accountId));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> DeleteOldestAsync(long accountId, int keep, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        var revoked = _sessions.Values
            .Where(s => s.AccountId == accountId)
            .OrderByDescending(s => s.LastUsedUtc).ThenByDescending(s => s.CreatedUtc).ThenBy(s => s.TokenHash, StringComparer.Ordinal)
            .Skip(keep)
            .Where(s => _sessions.TryRemove(new KeyValuePair<string, WebSession>(s.TokenHash, s)))
            .Select(s => s.TokenHash)
            .ToList();
        return ValueTask.FromResult<IReadOnlyList<string>>(revoked);
    }

    /// <inheritdoc />
    public ValueTask<int> PurgeExpiredAsync(DateTimeOffset nowUtc, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(RemoveWhere(s => s.ExpiresUtc <= nowUtc));

    private int RemoveWhere(Func<WebSession, bool> match)
    {
        var removed = 0;
        foreach (var (hash, session) in _sessions)
        {
            if (match(session) && _sessions.TryRemove(new KeyValuePair<string, WebSession>(hash, session)))
                removed++;
        }

        return removed;
    }

    // Kept to the millisecond, as every store keeps instants (the contract compares them).
    private static WebSession Truncate(WebSession s) => s with
    {
        CreatedUtc = Millis(s.CreatedUtc),
        LastUsedUtc = Millis(s.LastUsedUtc),
        ExpiresUtc = Millis(s.ExpiresUtc),
    };

    private static DateTimeOffset Millis(DateTimeOffset t) => DateTimeOffset.FromUnixTimeMilliseconds(t.ToUnixTimeMilliseconds());
}

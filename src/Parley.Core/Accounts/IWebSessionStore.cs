namespace Parley.Core.Accounts;

/// <summary>
/// Port: the browsers' sign-in sessions (<see cref="WebSession"/>), keyed by the token's hash.
/// Hashes are compared ordinally; instants are kept to the millisecond, UTC.
/// </summary>
/// <remarks>
/// Implementations are thread-safe. A write has completed only once it is durable, and a read
/// after it sees it. The store does not judge expiry: <see cref="FindAsync"/> returns an expired
/// session too, and <see cref="PurgeExpiredAsync"/> removes them (the caller's clock decides).
/// </remarks>
public interface IWebSessionStore
{
    /// <summary>Records a new session; completes once it is durable.</summary>
    /// <param name="session">The session; its <see cref="WebSession.TokenHash"/> is new (32 random bytes hashed).</param>
    /// <param name="cancellationToken">Cancels waiting (the write may still happen).</param>
    /// <returns>A task that completes when the session is durable.</returns>
    /// <exception cref="InvalidOperationException">A session with that hash exists already (a token was reused).</exception>
    ValueTask CreateAsync(WebSession session, CancellationToken cancellationToken = default);

    /// <summary>The session whose token hashes to <paramref name="tokenHash"/>, expired or not.</summary>
    /// <param name="tokenHash">The token's hash.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The session, or null when there is none (never issued, revoked or purged).</returns>
    ValueTask<WebSession?> FindAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Records a use of a session: its last use and its new expiry (a sliding lifetime).</summary>
    /// <param name="tokenHash">The token's hash.</param>
    /// <param name="lastUsedUtc">When it was used.</param>
    /// <param name="expiresUtc">Its new expiry.</param>
    /// <param name="cancellationToken">Cancels waiting (the write may still happen).</param>
    /// <returns>True when the session existed (and is now updated).</returns>
    ValueTask<bool> TouchAsync(string tokenHash, DateTimeOffset lastUsedUtc, DateTimeOffset expiresUtc, CancellationToken cancellationToken = default);

    /// <summary>Revokes one session (sign-out); completes once durable.</summary>
    /// <param name="tokenHash">The token's hash.</param>
    /// <param name="cancellationToken">Cancels waiting (the write may still happen).</param>
    /// <returns>True when it existed.</returns>
    ValueTask<bool> DeleteAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Revokes every session of an account (its password changed); completes once durable.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels waiting (the write may still happen).</param>
    /// <returns>How many there were.</returns>
    ValueTask<int> DeleteAllAsync(long accountId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes the account's sessions but the <paramref name="keep"/> used last (the cap of
    /// sessions per account); completes once durable. Order: last use, newest first, then
    /// creation, newest first, then the hash (so ties always keep the same ones).
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="keep">How many to keep; 0 or more.</param>
    /// <param name="cancellationToken">Cancels waiting (the write may still happen).</param>
    /// <returns>The hashes of the sessions revoked, in no particular order; empty when there were no more than <paramref name="keep"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="keep"/> is negative.</exception>
    ValueTask<IReadOnlyList<string>> DeleteOldestAsync(long accountId, int keep, CancellationToken cancellationToken = default);

    /// <summary>Removes the sessions that expired at or before <paramref name="nowUtc"/>; completes once durable.</summary>
    /// <param name="nowUtc">The caller's now.</param>
    /// <param name="cancellationToken">Cancels waiting (the write may still happen).</param>
    /// <returns>How many were removed.</returns>
    ValueTask<int> PurgeExpiredAsync(DateTimeOffset nowUtc, CancellationToken cancellationToken = default);
}

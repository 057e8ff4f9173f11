namespace Parley.Core.Accounts;

/// <summary>
/// Port: where accounts are kept. Nicks are looked up case-insensitively (<see cref="Presence.NickRules.Comparer"/>).
/// </summary>
/// <remarks>Implementations are thread-safe. A write has completed only once it is durable.</remarks>
public interface IAccountStore
{
    /// <summary>Finds the account that owns <paramref name="nick"/>.</summary>
    /// <param name="nick">The nick, any case.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The account, or null when the nick is not registered.</returns>
    ValueTask<Account?> FindAsync(string nick, CancellationToken cancellationToken = default);

    /// <summary>Finds an account by its id (ChanServ <c>INFO</c> names a room's owner).</summary>
    /// <param name="accountId">The account's id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The account, or null when there is none with that id.</returns>
    ValueTask<Account?> FindByIdAsync(long accountId, CancellationToken cancellationToken = default);

    /// <summary>Creates an account owning <paramref name="nick"/>; completes once it is durable.</summary>
    /// <param name="nick">The nick as shown; must be valid.</param>
    /// <param name="passwordHash">The password's hash.</param>
    /// <param name="createdUtc">When, for the record.</param>
    /// <param name="cancellationToken">Cancels waiting (the write may still happen).</param>
    /// <returns>The new account, or null when the nick is already registered.</returns>
    ValueTask<Account?> CreateAsync(string nick, string passwordHash, DateTimeOffset createdUtc, CancellationToken cancellationToken = default);

    /// <summary>Replaces an account's password hash; completes once it is durable.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="passwordHash">The new hash.</param>
    /// <param name="cancellationToken">Cancels waiting (the write may still happen).</param>
    /// <returns>A task that completes when the change is durable.</returns>
    ValueTask UpdatePasswordHashAsync(long accountId, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an account (NickServ <c>DROP</c>) with its client certificates; messages it sent or
    /// received stay in history without the link to it, so a later account never inherits them.
    /// Completes once durable.
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels waiting (the write may still happen).</param>
    /// <returns>True when it existed.</returns>
    ValueTask<bool> DeleteAsync(long accountId, CancellationToken cancellationToken = default);
}

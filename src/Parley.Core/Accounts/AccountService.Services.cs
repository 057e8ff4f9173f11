using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Accounts;

/// <summary>
/// What the in-band services (NickServ) need beyond register, login and password change:
/// information, setting a password when logged in, dropping an account, and ghosting its
/// other sessions. The line protocol's commands and the services call these same methods.
/// </summary>
public sealed partial class AccountService
{
    /// <summary>Describes the account owning <paramref name="nick"/>.</summary>
    /// <param name="nick">The nick, any case.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The account's public facts, or null when the nick is not registered.</returns>
    public async ValueTask<AccountInfo?> GetInfoAsync(string nick, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nick);
        if (!NickRules.IsValid(nick) || await _accounts.FindAsync(nick, cancellationToken) is not { } account)
            return null;
        return new AccountInfo(account.Nick, account.CreatedUtc, _hub.FindSessions(account.Nick).Any(s => s.AccountId == account.Id));
    }

    /// <summary>The name of the account with id <paramref name="accountId"/> (a registered room's owner).</summary>
    /// <param name="accountId">The account's id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The nick, or null when there is no such account.</returns>
    public async ValueTask<string?> NameOfAsync(long accountId, CancellationToken cancellationToken = default) =>
        (await _accounts.FindByIdAsync(accountId, cancellationToken))?.Nick;

    /// <summary>
    /// Sets the signed-in account's password without the old one (NickServ <c>SET PASSWORD</c>): the
    /// session proved who it is when it signed in, as Anope and Atheme take it.
    /// </summary>
    /// <param name="session">A signed-in session.</param>
    /// <param name="newPassword">The new password; see <see cref="PasswordRules"/> and <see cref="AccountOptions.MinPasswordLength"/>.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns><see cref="ChatError.None"/>, <see cref="ChatError.NotLoggedIn"/>, <see cref="ChatError.BadPassword"/> or <see cref="ChatError.ServerBusy"/>.</returns>
    public async ValueTask<ChatError> SetPasswordAsync(ChatSession session, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(newPassword);
        if (session.AccountId is not { } accountId)
            return ChatError.NotLoggedIn;
        if (!PasswordRules.IsAcceptable(newPassword, _hub.AccountOptions.MinPasswordLength))
            return ChatError.BadPassword;
        if (await HashAsync(newPassword, cancellationToken) is not { } hash)
            return ChatError.ServerBusy;
        await ReplacePasswordAsync(accountId, hash, cancellationToken);
        return ChatError.None;
    }

    /// <summary>
    /// Deletes the signed-in account (NickServ <c>DROP</c>) once its password is confirmed: its
    /// registered rooms become ordinary, its client certificates go, and every other session signed
    /// in to it is closed. The caller closes <paramref name="session"/> after telling it (its answer
    /// must go out first); then the nick is free for anyone.
    /// </summary>
    /// <param name="session">A session signed in to the account.</param>
    /// <param name="password">The account's password, as confirmation.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>
    /// <see cref="ChatError.None"/>, <see cref="ChatError.NotLoggedIn"/>, <see cref="ChatError.AuthFailed"/>
    /// (counted as a failed login) or <see cref="ChatError.RateLimited"/>.
    /// </returns>
    public async ValueTask<SignInResult> DropAsync(ChatSession session, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(password);
        if (session.AccountName is not { } nick || session.AccountId is not { } accountId)
            return SignInResult.Refused(ChatError.NotLoggedIn);
        var (check, _, _) = await CheckPasswordAsync(session.RemoteAddress, nick, password, cancellationToken);
        if (check.Error != ChatError.None)
            return check;

        await _hub.Rooms.OnAccountDroppedAsync(accountId, cancellationToken);
        await _accounts.DeleteAsync(accountId, cancellationToken);
        _hub.CloseAccountSessions(accountId, nick, except: session, "account dropped");
        return new SignInResult(ChatError.None, nick);
    }

    /// <summary>
    /// Closes sessions of the account owning <paramref name="nick"/> (NickServ <c>GHOST</c>): a
    /// session signed in to it closes the others; anyone else names the account's password and
    /// closes them all (a stale connection holding the nick).
    /// </summary>
    /// <param name="session">The asking session.</param>
    /// <param name="nick">The account's nick, any case.</param>
    /// <param name="password">The password; null when <paramref name="session"/> is signed in to the account.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>
    /// The result, its <see cref="SignInResult.Delivered"/> the number of sessions closed:
    /// <see cref="ChatError.NoSuchNick"/> (not registered), <see cref="ChatError.AuthFailed"/>,
    /// <see cref="ChatError.RateLimited"/>.
    /// </returns>
    public async ValueTask<SignInResult> GhostAsync(ChatSession session, string nick, string? password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(nick);
        if (!NickRules.IsValid(nick) || await _accounts.FindAsync(nick, cancellationToken) is not { } account)
            return SignInResult.Refused(ChatError.NoSuchNick);
        if (session.AccountId != account.Id)
        {
            var (check, _, _) = await CheckPasswordAsync(session.RemoteAddress, account.Nick, password ?? "", cancellationToken);
            if (check.Error != ChatError.None)
                return check;
        }

        var closed = _hub.CloseAccountSessions(account.Id, account.Nick, except: session, "ghosted");
        return new SignInResult(ChatError.None, account.Nick, Delivered: closed);
    }
}

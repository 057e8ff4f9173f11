using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Accounts;

/// <summary>
/// Account management by server operators (<c>Parley:Operators</c>): deleting someone's account
/// and setting a new password for it, as Ergo's <c>NS SADROP</c> and <c>NS PASSWD</c> (oper form)
/// do. The line protocol's <c>/sadrop</c> and <c>/sapasswd</c> and the IRC services call these.
/// </summary>
public sealed partial class AccountService
{
    /// <summary>
    /// Deletes the account <paramref name="accountName"/> on an operator's word: its registered rooms
    /// become ordinary, its client certificates go, and every session signed in to it is closed
    /// ("account dropped by an operator"); then the nick is free for anyone.
    /// </summary>
    /// <param name="by">The acting session; must be a server operator.</param>
    /// <param name="accountName">The account, any case.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>
    /// <see cref="ChatError.None"/> with the account's name as registered,
    /// <see cref="ChatError.NotServerOperator"/>, or <see cref="ChatError.NoSuchAccount"/>.
    /// </returns>
    public async ValueTask<(ChatError Error, string? Account)> DropByOperatorAsync(ChatSession by, string accountName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(accountName);
        if (!_hub.Operators.IsOperator(by))
            return (ChatError.NotServerOperator, null);
        if (!NickRules.IsValid(accountName) || await _accounts.FindAsync(accountName, cancellationToken) is not { } account)
            return (ChatError.NoSuchAccount, null);

        await _hub.Rooms.OnAccountDroppedAsync(account.Id, cancellationToken);
        await _accounts.DeleteAsync(account.Id, cancellationToken);
        _hub.CloseAccountNick(account.Nick, account.Id, "account dropped by an operator");
        return (ChatError.None, account.Nick);
    }

    /// <summary>
    /// Sets a new password for the account <paramref name="accountName"/> on an operator's word (the
    /// owner forgot it). Sessions signed in to it stay; the old password stops working at once, and the account's web sessions are revoked.
    /// </summary>
    /// <param name="by">The acting session; must be a server operator.</param>
    /// <param name="accountName">The account, any case.</param>
    /// <param name="newPassword">The new password; see <see cref="PasswordRules"/> and <see cref="AccountOptions.MinPasswordLength"/>.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>
    /// <see cref="ChatError.None"/> with the account's name as registered, <see cref="ChatError.NotServerOperator"/>,
    /// <see cref="ChatError.NoSuchAccount"/> or <see cref="ChatError.BadPassword"/>.
    /// </returns>
    public async ValueTask<(ChatError Error, string? Account)> ResetPasswordByOperatorAsync(
        ChatSession by, string accountName, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(accountName);
        ArgumentNullException.ThrowIfNull(newPassword);
        if (!_hub.Operators.IsOperator(by))
            return (ChatError.NotServerOperator, null);
        if (!NickRules.IsValid(accountName) || await _accounts.FindAsync(accountName, cancellationToken) is not { } account)
            return (ChatError.NoSuchAccount, null);
        if (!PasswordRules.IsAcceptable(newPassword, _hub.AccountOptions.MinPasswordLength))
            return (ChatError.BadPassword, account.Nick);
        await ReplacePasswordAsync(account.Id, _hashing.Hash(newPassword), cancellationToken);
        return (ChatError.None, account.Nick);
    }
}

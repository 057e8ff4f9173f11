using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Accounts;

public sealed partial class AccountService
{
    /// <summary>
    /// Makes a session a server operator through an operator account (IRC's <c>OPER</c>): the
    /// account must be listed in <c>Parley:Operators</c>; a session logged in to it needs no
    /// password, any other needs the account's password (checked and throttled like a login). The
    /// session keeps its nick; it is an operator until it leaves.
    /// </summary>
    /// <param name="session">A registered session.</param>
    /// <param name="account">The operator account's name, any case.</param>
    /// <param name="password">The account's password, or null when the session is logged in to it.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>
    /// <see cref="ChatError.None"/>, <see cref="ChatError.NotServerOperator"/> (not an operator
    /// account), <see cref="ChatError.AuthFailed"/> (wrong or missing password, or no such account),
    /// <see cref="ChatError.RateLimited"/>, <see cref="ChatError.ServerBusy"/> (password hashing saturated).
    /// </returns>
    public async ValueTask<ChatError> OperAsync(ChatSession session, string account, string? password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(account);
        if (!_hub.Operators.IsOperatorAccount(account))
            return ChatError.NotServerOperator;
        if (session.Presence is { AccountName: { } signedIn } && NickRules.Comparer.Equals(signedIn, account))
        {
            _hub.SetOperatorAccount(session, signedIn);
            return ChatError.None;
        }

        if (password is null || !NickRules.IsValid(account))
            return ChatError.AuthFailed;
        var reservation = _throttle.Reserve(account, session.RemoteAddress);
        if (!reservation.IsGranted)
            return ChatError.RateLimited;
        var failed = false;
        try
        {
            await DelayAsync(reservation, cancellationToken);
            var found = await _accounts.FindAsync(account, cancellationToken);
            if (await VerifyAsync(found?.PasswordHash, password, cancellationToken) is not { } check)
                return ChatError.ServerBusy;
            if (found is null || check == PasswordCheck.Failed)
            {
                failed = true;
                return ChatError.AuthFailed;
            }

            _hub.SetOperatorAccount(session, found.Nick);
            return ChatError.None;
        }
        finally
        {
            _throttle.Complete(reservation, failed);
        }
    }
}

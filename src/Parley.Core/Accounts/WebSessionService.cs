using Parley.Core.Presence;
using Parley.Core.Security;
using Parley.Core.Sessions;

namespace Parley.Core.Accounts;

/// <summary>
/// The browsers' sign-in sessions (docs/web.md "Sign-in sessions"): signs in or registers with
/// <see cref="AccountService"/>'s rules and limits, then issues a random token (the
/// <c>parley_session</c> cookie) that proves the account until it expires, is revoked (sign-out),
/// or the account's password changes. The browser never keeps the password.
/// </summary>
/// <remarks>
/// Thread-safe; stateless but for its store. Lifetime: sliding (<see cref="WebSessionOptions.SessionLifetime"/>
/// after the last use). Expired sessions are purged at each sign-in, and one found expired is removed;
/// a sign-in beyond <see cref="WebSessionOptions.MaxSessionsPerAccount"/> revokes the account's
/// sessions used longest ago. Two sign-ins of one account at the same instant may each leave one
/// more (the cap is kept by the next).
/// </remarks>
public sealed class WebSessionService
{
    private readonly AccountService _accounts;
    private readonly IWebSessionStore _sessions;
    private readonly WebSessionOptions _options;
    private readonly LoginTransportPolicy _loginPolicy;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    /// <param name="accounts">Password checks, registration, and the limits of both.</param>
    /// <param name="sessions">Where sessions are kept (the token's hash only).</param>
    /// <param name="options">The lifetime; validated.</param>
    /// <param name="loginPolicy">Where a password may be sent (TLS or a trusted network, by default).</param>
    /// <param name="time">The clock of issue, use and expiry.</param>
    public WebSessionService(AccountService accounts, IWebSessionStore sessions, WebSessionOptions options, LoginTransportPolicy loginPolicy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loginPolicy);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _accounts = accounts;
        _sessions = sessions;
        _options = options;
        _loginPolicy = loginPolicy;
        _time = time;
    }

    /// <summary>The lifetime of a session after its last use.</summary>
    public TimeSpan SessionLifetime => _options.SessionLifetime;

    /// <summary>Checks the password and issues a session (<c>POST /api/session</c>).</summary>
    /// <param name="account">The account's name, any case.</param>
    /// <param name="password">The password.</param>
    /// <param name="security">The request's connection: a password is read only where <see cref="LoginTransportPolicy"/> allows it.</param>
    /// <param name="remoteAddress">The peer's address, for the failed-login limits.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>
    /// The token and account, or why not: <see cref="WebSignInResult.TlsRequired"/>,
    /// <see cref="ChatError.AuthFailed"/> (wrong name or password, not told which),
    /// <see cref="ChatError.InvalidNick"/>, <see cref="ChatError.RateLimited"/>,
    /// <see cref="ChatError.ServerBusy"/>, <see cref="ChatError.ServerBanned"/>.
    /// </returns>
    public async ValueTask<WebSignInResult> SignInAsync(
        string account, string password, ConnectionSecurity security, string remoteAddress, CancellationToken cancellationToken = default)
    {
        if (RefusedBeforeCheck(account, password, security, remoteAddress) is { } refused)
            return refused;
        var (result, found) = await _accounts.AuthenticateWithoutSessionAsync(account, password, remoteAddress, cancellationToken);
        return found is null ? new WebSignInResult(result.Error, RetryAfter: result.RetryAfter) : await IssueAsync(found, cancellationToken);
    }

    /// <summary>Registers an account and issues a session for it (<c>POST /api/account</c>).</summary>
    /// <param name="account">The nick to own.</param>
    /// <param name="password">The password; see <see cref="PasswordRules"/>.</param>
    /// <param name="security">The request's connection, as for <see cref="SignInAsync"/>.</param>
    /// <param name="remoteAddress">The peer's address, for the registration limits.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>
    /// The token and account, or why not: <see cref="WebSignInResult.TlsRequired"/>,
    /// <see cref="ChatError.InvalidNick"/>, <see cref="ChatError.BadPassword"/>,
    /// <see cref="ChatError.NickRegistered"/> (an account has it), <see cref="ChatError.NickTaken"/>
    /// (reserved, or a guest holds it), <see cref="ChatError.ServerBanned"/>,
    /// <see cref="ChatError.TooManyRegistrations"/>, <see cref="ChatError.ServerBusy"/>.
    /// </returns>
    public async ValueTask<WebSignInResult> RegisterAsync(
        string account, string password, ConnectionSecurity security, string remoteAddress, CancellationToken cancellationToken = default)
    {
        if (RefusedBeforeCheck(account, password, security, remoteAddress) is { } refused)
            return refused;
        var (result, created) = await _accounts.CreateAccountWithoutSessionAsync(account, password, remoteAddress, cancellationToken);
        return created is null ? new WebSignInResult(result.Error, RetryAfter: result.RetryAfter) : await IssueAsync(created, cancellationToken);
    }

    /// <summary>
    /// The account a token proves (<c>GET /api/session</c>, a WebSocket upgrade), recording the use
    /// when the last was <see cref="WebSessionOptions.TouchInterval"/> ago or more (which moves the expiry).
    /// </summary>
    /// <param name="token">The cookie's value, or null.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>
    /// The account, or null: no or a malformed token, never issued, revoked, expired (then removed),
    /// or its account dropped.
    /// </returns>
    public async ValueTask<WebValidation?> ValidateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!WebSessionToken.IsWellFormed(token))
            return null;
        var hash = WebSessionToken.Hash(token!);
        if (await _sessions.FindAsync(hash, cancellationToken) is not { } session)
            return null;
        var now = _time.GetUtcNow();
        if (session.ExpiresUtc <= now || await _accounts.NameOfAsync(session.AccountId, cancellationToken) is not { } name)
        {
            await _sessions.DeleteAsync(hash, cancellationToken);
            return null;
        }

        if (now - session.LastUsedUtc < WebSessionOptions.TouchInterval)
            return new WebValidation(session.AccountId, name, session.ExpiresUtc, Renewed: false, hash);
        var expires = now + _options.SessionLifetime;
        await _sessions.TouchAsync(hash, now, expires, cancellationToken);
        return new WebValidation(session.AccountId, name, expires, Renewed: true, hash);
    }

    /// <summary>
    /// Revokes the session of a token (<c>DELETE /api/session</c>) and closes this node's
    /// connections it proved (<see cref="ChatHub.CloseWebSession"/>: <c>Session revoked</c>).
    /// </summary>
    /// <param name="token">The cookie's value, or null.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>True when it was a live session's (now revoked).</returns>
    public async ValueTask<bool> RevokeAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!WebSessionToken.IsWellFormed(token))
            return false;
        var hash = WebSessionToken.Hash(token!);
        var revoked = await _sessions.DeleteAsync(hash, cancellationToken);
        // Also when the store had it no more (expired and purged): a socket it proved still goes.
        _accounts.Hub.CloseWebSession(hash);
        return revoked;
    }

    /// <summary>
    /// Revokes every session of an account and closes the connections they proved (a password
    /// change does it through <see cref="AccountService"/>).
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>How many there were.</returns>
    public async ValueTask<int> RevokeAllAsync(long accountId, CancellationToken cancellationToken = default)
    {
        var revoked = await _sessions.DeleteAllAsync(accountId, cancellationToken);
        _accounts.Hub.CloseWebSessionsOf(accountId);
        return revoked;
    }

    private async ValueTask<WebSignInResult> IssueAsync(Account account, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        // Here rather than on a timer: sign-ins are rare, and the delete walks an index.
        await _sessions.PurgeExpiredAsync(now, cancellationToken);
        // Room for the new one under the cap, made before it exists so a tie can never evict it.
        foreach (var revoked in await _sessions.DeleteOldestAsync(account.Id, _options.MaxSessionsPerAccount - 1, cancellationToken))
            _accounts.Hub.CloseWebSession(revoked);
        var token = WebSessionToken.New();
        var expires = now + _options.SessionLifetime;
        await _sessions.CreateAsync(new WebSession(WebSessionToken.Hash(token), account.Id, now, now, expires), cancellationToken);
        return new WebSignInResult(ChatError.None, account.Nick, token, expires);
    }

    // Both ways in take a password: never over plain non-loopback (TLS_REQUIRED), as on the other listeners.
    private WebSignInResult? RefusedBeforeCheck(string account, string password, ConnectionSecurity security, string remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(remoteAddress);
        return _loginPolicy.PasswordAllowed(security) ? null : new WebSignInResult(ChatError.AuthFailed) { TlsRequired = true };
    }
}

using Parley.Core.Accounts.Throttling;
using Parley.Core.Metrics;
using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Accounts;

/// <summary>
/// Registration, login and password changes: checks credentials and limits, then hands the
/// session to <see cref="ChatHub"/> to sign in. Passwords are hashed here and never kept.
/// </summary>
/// <remarks>Thread-safe; stateless but for a lazily made dummy hash.</remarks>
public sealed partial class AccountService
{
    private readonly ChatHub _hub;
    private readonly IAccountStore _accounts;
    private readonly ICertificateStore _certificates;
    private readonly IPasswordHashing _hashing;
    private readonly ILoginThrottle _throttle;
    private readonly TimeProvider _time;
    private readonly RegistrationThrottle? _registrations;
    private readonly PasswordHashingLimiter _hashingQueue;
    private readonly IWebSessionStore? _webSessions;
    private readonly Lazy<string> _dummyHash;

    /// <summary>Creates the service.</summary>
    /// <param name="hub">The chat core.</param>
    /// <param name="accounts">Where accounts are kept.</param>
    /// <param name="certificates">The client certificates registered to accounts.</param>
    /// <param name="hashing">Password hashing.</param>
    /// <param name="throttle">Login attempt limits.</param>
    /// <param name="time">Clock for creation times and login delays.</param>
    /// <param name="registrations">Limits on new accounts, or null for none (unit tests).</param>
    /// <param name="hashingQueue">Bounds concurrent hashing, or null for a default queue.</param>
    /// <param name="webSessions">
    /// The browsers' sign-in sessions, which a password change revokes (docs/web.md "Sign-in
    /// sessions"), or null when there are none (unit tests).
    /// </param>
    public AccountService(
        ChatHub hub, IAccountStore accounts, ICertificateStore certificates, IPasswordHashing hashing, ILoginThrottle throttle, TimeProvider time,
        RegistrationThrottle? registrations = null, PasswordHashingLimiter? hashingQueue = null, IWebSessionStore? webSessions = null)
    {
        _registrations = registrations;
        _webSessions = webSessions;
        _hashingQueue = hashingQueue ?? new PasswordHashingLimiter();
        _hub = hub;
        _accounts = accounts;
        _certificates = certificates;
        _hashing = hashing;
        _throttle = throttle;
        _time = time;
        // Verified against when the nick has no account, so "no such account" takes as long as
        // "wrong password" and does not reveal which nicks are registered.
        _dummyHash = new Lazy<string>(() => hashing.Hash(Guid.NewGuid().ToString("N")));
    }

    /// <summary>The chat core it signs sessions in to (the web sessions close their connections through it).</summary>
    internal ChatHub Hub => _hub;

    /// <summary>
    /// Creates an account and signs the session in (<c>/register</c>). A guest registers the nick it
    /// uses (<paramref name="nick"/> null); an unregistered session names the nick.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="nick">The nick to own, or null for the guest's current nick.</param>
    /// <param name="password">The password; see <see cref="PasswordRules"/>.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The result.</returns>
    public async ValueTask<SignInResult> RegisterAsync(ChatSession session, string? nick, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(password);
        if (session.IsLoggedIn)
            return SignInResult.Refused(ChatError.AlreadyLoggedIn);
        nick ??= session.Nick;
        if (nick is null)
            return SignInResult.Refused(ChatError.NotRegistered);
        var (result, account) = await CreateAccountAsync(nick, password, session.RemoteAddress, nickMayBeOnline: session.Nick is not null, cancellationToken);
        return account is null ? result : await _hub.SignInAsync(session, account, cancellationToken);
    }

    /// <summary>
    /// Creates an account without signing anyone in (a browser's <c>POST /api/account</c>): the
    /// rules and limits of <see cref="RegisterAsync"/>, the nick free of guests too.
    /// </summary>
    /// <param name="nick">The nick to own.</param>
    /// <param name="password">The password; see <see cref="PasswordRules"/>.</param>
    /// <param name="remoteAddress">The peer's address, for the registration limits.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The new account, or null and why (as <see cref="RegisterAsync"/>'s errors).</returns>
    internal ValueTask<(SignInResult Result, Account? Account)> CreateAccountWithoutSessionAsync(
        string nick, string password, string remoteAddress, CancellationToken cancellationToken = default) =>
        CreateAccountAsync(nick, password, remoteAddress, nickMayBeOnline: false, cancellationToken);

    // Registration's checks and the new account; a guest registering the nick it holds may find it online.
    private async ValueTask<(SignInResult Result, Account? Account)> CreateAccountAsync(
        string nick, string password, string remoteAddress, bool nickMayBeOnline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nick);
        ArgumentNullException.ThrowIfNull(password);
        if (!NickRules.IsValid(nick))
            return (SignInResult.Refused(ChatError.InvalidNick), null);
        if (!PasswordRules.IsAcceptable(password, _hub.AccountOptions.MinPasswordLength))
            return (SignInResult.Refused(ChatError.BadPassword), null);
        if (ServiceNicks.IsReserved(nick) || (!nickMayBeOnline && _hub.IsOnline(nick)))
            return (SignInResult.Refused(ChatError.NickTaken), null);
        if (_hub.IsAccountBanned(nick))
            return (SignInResult.Refused(ChatError.ServerBanned), null);

        // Taken before hashing and kept whatever follows: the hash is the cost being limited.
        if (_registrations is not null && !_registrations.TryReserve(remoteAddress, out var retryAfter))
            return (new SignInResult(ChatError.TooManyRegistrations, RetryAfter: retryAfter), null);
        if (await HashAsync(password, cancellationToken) is not { } hash)
            return (SignInResult.Refused(ChatError.ServerBusy), null);

        var account = await _accounts.CreateAsync(nick, hash, _time.GetUtcNow(), cancellationToken);
        return account is null ? (SignInResult.Refused(ChatError.NickRegistered), null) : (new SignInResult(ChatError.None, account.Nick) { Account = account.Nick }, account);
    }

    /// <summary>Checks the password and signs the session in (<c>/login</c>, <c>#nick password</c>).</summary>
    /// <param name="session">The session: unregistered or a guest.</param>
    /// <param name="nick">The account's nick, any case.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>
    /// The result: <see cref="ChatError.AuthFailed"/> for a wrong nick or password (which is which is
    /// not told), <see cref="ChatError.RateLimited"/> with <see cref="SignInResult.RetryAfter"/>.
    /// </returns>
    public async ValueTask<SignInResult> LoginAsync(ChatSession session, string nick, string password, CancellationToken cancellationToken = default)
    {
        var (check, account) = await AuthenticateAsync(session, nick, password, cancellationToken);
        return account is null ? check : await _hub.SignInAsync(session, account, cancellationToken);
    }

    /// <summary>
    /// Checks the password of an account, with the limits and metrics of a login, without signing
    /// in: the caller signs in with <see cref="ChatHub.SignInAsync(ChatSession, Account, string?, CancellationToken)"/>
    /// when it chooses (IRC's SASL, at registration with the nick the client chose).
    /// </summary>
    /// <param name="session">The session: not signed in.</param>
    /// <param name="nick">The account's name, any case.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>
    /// The account when the password is right; else null and why, as <see cref="LoginAsync"/>:
    /// <see cref="ChatError.AlreadyLoggedIn"/>, <see cref="ChatError.InvalidNick"/>,
    /// <see cref="ChatError.AuthFailed"/>, <see cref="ChatError.RateLimited"/>, <see cref="ChatError.ServerBusy"/>.
    /// </returns>
    public async ValueTask<(SignInResult Result, Account? Account)> AuthenticateAsync(
        ChatSession session, string nick, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.IsLoggedIn)
            return (SignInResult.Refused(ChatError.AlreadyLoggedIn), null);
        return await AuthenticateFromAsync(session.RemoteAddress, nick, password, cancellationToken);
    }

    /// <summary>
    /// Checks the password of an account with the limits and metrics of a login, for a caller that
    /// has no session (a browser's <c>POST /api/session</c>); refuses an account banned server-wide.
    /// </summary>
    /// <param name="nick">The account's name, any case.</param>
    /// <param name="password">The password.</param>
    /// <param name="remoteAddress">The peer's address, for the failed-login limits.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The account when the password is right; else null and why, as <see cref="AuthenticateAsync(ChatSession, string, string, CancellationToken)"/>, or <see cref="ChatError.ServerBanned"/>.</returns>
    internal async ValueTask<(SignInResult Result, Account? Account)> AuthenticateWithoutSessionAsync(
        string nick, string password, string remoteAddress, CancellationToken cancellationToken = default)
    {
        var (result, account) = await AuthenticateFromAsync(remoteAddress, nick, password, cancellationToken);
        if (account is not null && _hub.IsAccountBanned(account.Nick))
            return (SignInResult.Refused(ChatError.ServerBanned), null);
        return (result, account);
    }

    // The password check of a login from an address, with the metrics and the rehash of a success.
    private async ValueTask<(SignInResult Result, Account? Account)> AuthenticateFromAsync(
        string remoteAddress, string nick, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nick);
        ArgumentNullException.ThrowIfNull(password);
        if (!NickRules.IsValid(nick))
            return (SignInResult.Refused(ChatError.InvalidNick), null);
        var (check, account, rehashNeeded) = await CheckPasswordAsync(remoteAddress, nick, password, cancellationToken);
        if (account is null)
            return (check, null);

        ChatMetrics.LoginSucceeded();

        // A fresh hash is an improvement, not a need: skipped when hashing is busy.
        if (rehashNeeded && await HashAsync(password, cancellationToken) is { } fresh)
            await _accounts.UpdatePasswordHashAsync(account.Id, fresh, cancellationToken);
        return (check with { Account = account.Nick }, account);
    }

    /// <summary>Changes the signed-in account's password (<c>/passwd</c>).</summary>
    /// <param name="session">A signed-in session.</param>
    /// <param name="oldPassword">The current password.</param>
    /// <param name="newPassword">The new password; see <see cref="PasswordRules"/>.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>
    /// The result: <see cref="ChatError.NotLoggedIn"/>, <see cref="ChatError.BadPassword"/>,
    /// <see cref="ChatError.AuthFailed"/> (wrong current password, counted as a failed login) or
    /// <see cref="ChatError.RateLimited"/>.
    /// </returns>
    public async ValueTask<SignInResult> ChangePasswordAsync(ChatSession session, string oldPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(oldPassword);
        ArgumentNullException.ThrowIfNull(newPassword);
        if (session.AccountName is not { } nick)
            return SignInResult.Refused(ChatError.NotLoggedIn);
        if (!PasswordRules.IsAcceptable(newPassword, _hub.AccountOptions.MinPasswordLength))
            return SignInResult.Refused(ChatError.BadPassword);
        var (check, account, _) = await CheckPasswordAsync(session.RemoteAddress, nick, oldPassword, cancellationToken);
        if (account is null)
            return check;

        if (await HashAsync(newPassword, cancellationToken) is not { } hash)
            return SignInResult.Refused(ChatError.ServerBusy);
        await ReplacePasswordAsync(account.Id, hash, cancellationToken);
        return new SignInResult(ChatError.None, account.Nick);
    }

    // A new password (not a rehash of the same one): stored, then every web session of the account
    // revoked, so a browser signed in with the old password must sign in again (docs/web.md).
    private async ValueTask ReplacePasswordAsync(long accountId, string hash, CancellationToken cancellationToken)
    {
        await _accounts.UpdatePasswordHashAsync(accountId, hash, cancellationToken);
        if (_webSessions is not null)
            await _webSessions.DeleteAllAsync(accountId, cancellationToken);
        // The connections those sessions proved go too, this one included when it is one of them.
        _hub.CloseWebSessionsOf(accountId);
    }

    // The password check of every password login path (line, SASL PLAIN, /passwd, NickServ), with
    // its limits and metrics, without signing in. The permit is taken before hashing, so concurrent
    // guesses cannot overrun it; the account comes back only when the password is right.
    private async ValueTask<(SignInResult Result, Account? Account, bool RehashNeeded)> CheckPasswordAsync(
        string remoteAddress, string nick, string password, CancellationToken cancellationToken)
    {
        var reservation = _throttle.Reserve(nick, remoteAddress);
        if (!reservation.IsGranted)
        {
            ChatMetrics.LoginThrottledOnce();
            return (new SignInResult(ChatError.RateLimited, RetryAfter: reservation.RetryAfter), null, false);
        }

        var failed = false;
        try
        {
            await DelayAsync(reservation, cancellationToken);
            var account = await _accounts.FindAsync(nick, cancellationToken);
            if (await VerifyAsync(account?.PasswordHash, password, cancellationToken) is not { } check)
                return (SignInResult.Refused(ChatError.ServerBusy), null, false);
            if (account is null || check == PasswordCheck.Failed)
            {
                failed = true;
                ChatMetrics.LoginFailed();
                return (SignInResult.Refused(ChatError.AuthFailed), null, false);
            }

            return (new SignInResult(ChatError.None, account.Nick), account, check == PasswordCheck.SuccessRehashNeeded);
        }
        finally
        {
            _throttle.Complete(reservation, failed);
        }
    }

    // The per-account slowdown: wait before the check, on the injected clock.
    private Task DelayAsync(LoginReservation reservation, CancellationToken cancellationToken) =>
        reservation.Delay > TimeSpan.Zero ? Task.Delay(reservation.Delay, _time, cancellationToken) : Task.CompletedTask;

    // An overlong password cannot be right (none is stored), so it is not hashed: hashing a 4 KB
    // line costs more than hashing a password, and the attempt still counts as a failure.
    // Null when the hashing queue is full.
    private async ValueTask<PasswordCheck?> VerifyAsync(string? hash, string password, CancellationToken cancellationToken)
    {
        if (password.Length > PasswordRules.MaxLength)
            return PasswordCheck.Failed;
        var (ran, check) = await _hashingQueue.TryRunAsync(
            static s => s.Service._hashing.Verify(s.Hash ?? s.Service._dummyHash.Value, s.Password), (Service: this, Hash: hash, Password: password), cancellationToken);
        if (!ran)
            return null;
        return hash is null ? PasswordCheck.Failed : check;
    }

    // A new hash through the bounded queue; null when it is full.
    private async ValueTask<string?> HashAsync(string password, CancellationToken cancellationToken)
    {
        var (ran, hash) = await _hashingQueue.TryRunAsync(static s => s.Hashing.Hash(s.Password), (Hashing: _hashing, Password: password), cancellationToken);
        return ran ? hash : null;
    }
}

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
    public AccountService(
        ChatHub hub, IAccountStore accounts, ICertificateStore certificates, IPasswordHashing hashing, ILoginThrottle throttle, TimeProvider time,
        RegistrationThrottle? registrations = null, PasswordHashingLimiter? hashingQueue = null)
    {
        _registrations = registrations;
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
        if (!NickRules.IsValid(nick))
            return SignInResult.Refused(ChatError.InvalidNick);
        if (!PasswordRules.IsAcceptable(password, _hub.AccountOptions.MinPasswordLength))
            return SignInResult.Refused(ChatError.BadPassword);
        if (ServiceNicks.IsReserved(nick) || (session.Nick is null && _hub.IsOnline(nick)))
            return SignInResult.Refused(ChatError.NickTaken);
        if (_hub.IsAccountBanned(nick))
            return SignInResult.Refused(ChatError.ServerBanned);

        // Taken before hashing and kept whatever follows: the hash is the cost being limited.
        if (_registrations is not null && !_registrations.TryReserve(session.RemoteAddress, out var retryAfter))
            return new SignInResult(ChatError.TooManyRegistrations, RetryAfter: retryAfter);
        if (await HashAsync(password, cancellationToken) is not { } hash)
            return SignInResult.Refused(ChatError.ServerBusy);

        var account = await _accounts.CreateAsync(nick, hash, _time.GetUtcNow(), cancellationToken);
        if (account is null)
            return SignInResult.Refused(ChatError.NickRegistered);
        return await _hub.SignInAsync(session, account, cancellationToken);
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
        ArgumentNullException.ThrowIfNull(nick);
        ArgumentNullException.ThrowIfNull(password);
        if (session.IsLoggedIn)
            return (SignInResult.Refused(ChatError.AlreadyLoggedIn), null);
        if (!NickRules.IsValid(nick))
            return (SignInResult.Refused(ChatError.InvalidNick), null);
        var (check, account, rehashNeeded) = await CheckPasswordAsync(session, nick, password, cancellationToken);
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
        var (check, account, _) = await CheckPasswordAsync(session, nick, oldPassword, cancellationToken);
        if (account is null)
            return check;

        if (await HashAsync(newPassword, cancellationToken) is not { } hash)
            return SignInResult.Refused(ChatError.ServerBusy);
        await _accounts.UpdatePasswordHashAsync(account.Id, hash, cancellationToken);
        return new SignInResult(ChatError.None, account.Nick);
    }

    // The password check of every password login path (line, SASL PLAIN, /passwd, NickServ), with
    // its limits and metrics, without signing in. The permit is taken before hashing, so concurrent
    // guesses cannot overrun it; the account comes back only when the password is right.
    private async ValueTask<(SignInResult Result, Account? Account, bool RehashNeeded)> CheckPasswordAsync(
        ChatSession session, string nick, string password, CancellationToken cancellationToken)
    {
        var reservation = _throttle.Reserve(nick, session.RemoteAddress);
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

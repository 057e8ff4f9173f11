using Parley.Core.Metrics;
using Parley.Core.Presence;
using Parley.Core.Security;
using Parley.Core.Sessions;

namespace Parley.Core.Accounts;

public sealed partial class AccountService
{
    /// <summary>
    /// The most client certificates one account may register: 20, plenty for every device a person
    /// has, and a bound on what one account can make the server store.
    /// </summary>
    public const int MaxCertificatesPerAccount = 20;

    /// <summary>The longest certificate label, in characters: 64.</summary>
    public const int MaxCertificateLabelLength = 64;

    /// <summary>
    /// Certificate login (SASL EXTERNAL style): signs the session in to the account that registered
    /// the client certificate the connection presented, without a password (<c>/login</c>).
    /// </summary>
    /// <param name="session">The session: unregistered or a guest, on a TLS connection with a client certificate.</param>
    /// <param name="nick">The account the caller expects, any case, or null for whichever account registered the certificate.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>
    /// The result, as <see cref="LoginAsync"/>'s: <see cref="ChatError.NoClientCertificate"/> when the
    /// connection presented none; <see cref="ChatError.AuthFailed"/> when no account registered the
    /// certificate, or another account than <paramref name="nick"/> did (counted as a failed login
    /// against the address and <paramref name="nick"/>, or the fingerprint when no nick was named);
    /// <see cref="ChatError.RateLimited"/>.
    /// </returns>
    /// <remarks>
    /// The same sign-in as a password login (<see cref="ChatHub.SignInAsync(Parley.Core.Sessions.ChatSession, Parley.Core.Accounts.Account, System.Threading.CancellationToken)"/>): several devices,
    /// stored messages delivered first, presence. Without a nick, only the address's failure limit
    /// applies, so password guessing against the account cannot lock its certificate out.
    /// </remarks>
    public async ValueTask<SignInResult> LoginWithCertificateAsync(ChatSession session, string? nick, CancellationToken cancellationToken = default)
    {
        var (check, account) = await AuthenticateWithCertificateAsync(session, nick, cancellationToken);
        return account is null ? check : await _hub.SignInAsync(session, account, cancellationToken);
    }

    /// <summary>
    /// Finds the account that registered the connection's client certificate, with the limits and
    /// metrics of <see cref="LoginWithCertificateAsync"/>, without signing in (IRC's SASL EXTERNAL
    /// signs in at registration, with the nick the client chose). A connection without a certificate
    /// whose WebSocket upgrade carried a valid web session cookie
    /// (<see cref="ConnectionSecurity.WebSessionAccount"/>) proves that session's account instead.
    /// </summary>
    /// <param name="session">The session: not signed in, with a client certificate.</param>
    /// <param name="nick">The account the caller expects, any case, or null.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The account, or null and why (as <see cref="LoginWithCertificateAsync"/>).</returns>
    public async ValueTask<(SignInResult Result, Account? Account)> AuthenticateWithCertificateAsync(
        ChatSession session, string? nick, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.IsLoggedIn)
            return (SignInResult.Refused(ChatError.AlreadyLoggedIn), null);
        if (nick is not null && !NickRules.IsValid(nick))
            return (SignInResult.Refused(ChatError.InvalidNick), null);
        if (session.Security.ClientCertificateSha256 is not { } fingerprint)
        {
            return session.Security.WebSessionAccount is { } webAccount
                ? await AuthenticateWithWebSessionAsync(webAccount, nick, cancellationToken)
                : (SignInResult.Refused(ChatError.NoClientCertificate), null);
        }

        // The per-account bucket is keyed by the nick when one is named, else by the fingerprint
        // (which no nick can equal: nicks hold no ':').
        var throttleKey = nick ?? fingerprint;
        var reservation = _throttle.Reserve(throttleKey, session.RemoteAddress);
        if (!reservation.IsGranted)
        {
            ChatMetrics.LoginThrottledOnce();
            return (new SignInResult(ChatError.RateLimited, RetryAfter: reservation.RetryAfter), null);
        }

        var failed = false;
        try
        {
            await DelayAsync(reservation, cancellationToken);
            var account = await _certificates.FindAccountByCertificateAsync(fingerprint, cancellationToken);
            if (account is null || (nick is not null && !NickRules.Comparer.Equals(nick, account.Nick)))
            {
                failed = true;
                ChatMetrics.LoginFailed();
                return (SignInResult.Refused(ChatError.AuthFailed), null);
            }

            ChatMetrics.LoginSucceeded();
            return (new SignInResult(ChatError.None, account.Nick) { Account = account.Nick }, account);
        }
        finally
        {
            _throttle.Complete(reservation, failed);
        }
    }

    // SASL EXTERNAL over a WebSocket with a web session: the host verified the cookie at the
    // upgrade, so there is nothing to guess and no throttle; the account must still exist (not
    // dropped since) and be the one an authzid names.
    private async ValueTask<(SignInResult Result, Account? Account)> AuthenticateWithWebSessionAsync(
        string webAccount, string? nick, CancellationToken cancellationToken)
    {
        var account = nick is null || NickRules.Comparer.Equals(nick, webAccount) ? await _accounts.FindAsync(webAccount, cancellationToken) : null;
        if (account is null)
        {
            ChatMetrics.LoginFailed();
            return (SignInResult.Refused(ChatError.AuthFailed), null);
        }

        ChatMetrics.LoginSucceeded();
        return (new SignInResult(ChatError.None, account.Nick) { Account = account.Nick }, account);
    }

    /// <summary>Registers a client certificate to the signed-in account (<c>/cert add</c>).</summary>
    /// <param name="session">A signed-in session.</param>
    /// <param name="fingerprint">
    /// The fingerprint in any form <see cref="CertificateFingerprint.TryNormalize"/> reads, or null for
    /// the certificate this connection presented.
    /// </param>
    /// <param name="label">The owner's name for it, at most <see cref="MaxCertificateLabelLength"/> characters, or null.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>
    /// The result with the canonical fingerprint: <see cref="ChatError.NotLoggedIn"/>,
    /// <see cref="ChatError.NoClientCertificate"/> (no argument and no certificate presented),
    /// <see cref="ChatError.InvalidFingerprint"/>, <see cref="ChatError.CertificateRegistered"/> (to
    /// this or another account: a certificate logs in to one account only),
    /// <see cref="ChatError.TooManyCertificates"/>.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="label"/> is too long.</exception>
    public async ValueTask<CertificateResult> AddCertificateAsync(
        ChatSession session, string? fingerprint, string? label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (label is not null)
            ArgumentOutOfRangeException.ThrowIfGreaterThan(label.Length, MaxCertificateLabelLength, nameof(label));
        if (session.AccountId is not { } accountId)
            return new CertificateResult(ChatError.NotLoggedIn);
        string? canonical;
        if (fingerprint is null)
        {
            canonical = session.Security.ClientCertificateSha256;
            if (canonical is null)
                return new CertificateResult(ChatError.NoClientCertificate);
        }
        else if (!CertificateFingerprint.TryNormalize(fingerprint, out canonical))
        {
            return new CertificateResult(ChatError.InvalidFingerprint);
        }

        var added = await _certificates.AddAsync(
            accountId, canonical, string.IsNullOrEmpty(label) ? null : label, _time.GetUtcNow(), MaxCertificatesPerAccount, cancellationToken);
        return added switch
        {
            CertificateAddResult.Added => new CertificateResult(ChatError.None, canonical),
            CertificateAddResult.LimitReached => new CertificateResult(ChatError.TooManyCertificates, canonical),
            _ => new CertificateResult(ChatError.CertificateRegistered, canonical),
        };
    }

    /// <summary>The client certificates registered to the signed-in account, oldest first (<c>/cert list</c>).</summary>
    /// <param name="session">A signed-in session.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The certificates, or null when the session is not signed in.</returns>
    public async ValueTask<IReadOnlyList<AccountCertificate>?> ListCertificatesAsync(ChatSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.AccountId is not { } accountId)
            return null;
        return await _certificates.ListAsync(accountId, cancellationToken);
    }

    /// <summary>Removes a client certificate from the signed-in account (<c>/cert del</c>).</summary>
    /// <param name="session">A signed-in session.</param>
    /// <param name="fingerprint">The fingerprint in any form <see cref="CertificateFingerprint.TryNormalize"/> reads.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>
    /// The result with the canonical fingerprint: <see cref="ChatError.NotLoggedIn"/>,
    /// <see cref="ChatError.InvalidFingerprint"/>, <see cref="ChatError.NoSuchCertificate"/> (not
    /// registered to this account). Connections already logged in with it stay logged in.
    /// </returns>
    public async ValueTask<CertificateResult> RemoveCertificateAsync(ChatSession session, string fingerprint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (session.AccountId is not { } accountId)
            return new CertificateResult(ChatError.NotLoggedIn);
        if (!CertificateFingerprint.TryNormalize(fingerprint, out var canonical))
            return new CertificateResult(ChatError.InvalidFingerprint);
        return await _certificates.RemoveAsync(accountId, canonical, cancellationToken)
            ? new CertificateResult(ChatError.None, canonical)
            : new CertificateResult(ChatError.NoSuchCertificate, canonical);
    }
}

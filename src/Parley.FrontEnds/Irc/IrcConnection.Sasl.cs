using Parley.Core.Accounts;
using Parley.Core.Presence;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// SASL logins (<see cref="Commands.AuthenticateCommand"/>): PLAIN through
/// <see cref="AccountService.AuthenticateAsync"/>, EXTERNAL through
/// <see cref="AccountService.AuthenticateWithCertificateAsync"/> (a client certificate, or a WebSocket's
/// web session), the same checks (and failed-login limits) as the line protocol's <c>/login</c>.
/// </summary>
/// <remarks>
/// The nick the client chose stays its nick (Ergo's behaviour; the account is separate from the
/// nick, docs/irc.md "Nick and account"). Before registration, SASL only checks the credentials
/// and keeps the account; registration then signs the session in with the nick from NICK
/// (<see cref="ChatHub.SignInAsync(Core.Sessions.ChatSession, Account, string?, CancellationToken)"/>).
/// After registration (IRCv3 sasl-3.2 "SASL Reauthentication"), a guest signs in at once and
/// keeps its nick; its channel peers with account-notify see <c>ACCOUNT</c>. A session already
/// logged in gets 907: changing accounts is not supported.
/// </remarks>
internal sealed partial class IrcConnection
{
    private Account? _saslAccount;
    // The user name 900 showed before USER came: 001 and every later mask keep it (defect 9).
    private string? _saslUserName;

    /// <summary>The SASL exchange in progress, or null.</summary>
    public IrcSaslExchange? Sasl { get; set; }

    /// <summary>True once SASL succeeded (before registration: the account waits for it; after: signed in).</summary>
    public bool IsSaslAuthenticated => _saslAccount is not null || _session.IsLoggedIn;

    /// <summary>The account SASL authenticated before registration, or null.</summary>
    public Account? SaslAccount => _saslAccount;

    /// <summary>SASL PLAIN: checks the account's password.</summary>
    public async ValueTask SaslPlainAsync(string nick, string password)
    {
        var (result, account) = await _frontEnd.Accounts.AuthenticateAsync(_session, nick, password);
        await SaslFinishedAsync(result, account, nick, fingerprint: null);
    }

    /// <summary>
    /// SASL EXTERNAL: finds the account that registered the client certificate, or, without one,
    /// the account of the web session the WebSocket upgrade proved (<see cref="Core.Sessions.ConnectionSecurity.WebSessionAccount"/>).
    /// </summary>
    /// <param name="nick">The authzid: the account expected, or null for the certificate's.</param>
    public async ValueTask SaslExternalAsync(string? nick)
    {
        var (result, account) = await _frontEnd.Accounts.AuthenticateWithCertificateAsync(_session, nick);
        await SaslFinishedAsync(result, account, nick ?? "*", _session.Security.ClientCertificateSha256, webSession: _session.Security.ClientCertificateSha256 is null);
    }

    private async ValueTask SaslFinishedAsync(SignInResult result, Account? account, string nick, string? fingerprint, bool webSession = false)
    {
        if (account is null)
        {
            SaslFailed(result, nick);
            return;
        }

        if (IsRegistered)
        {
            // A guest logging in after registration keeps its nick; stored messages follow the 900.
            HoldEventsUntilCommandEnds();
            var signedIn = await Hub.SignInAsync(_session, account, _session.Nick);
            if (signedIn.Error != ChatError.None)
            {
                SaslFailed(signedIn, nick);
                return;
            }

            result = signedIn;
        }
        else if (Hub.CheckSignIn(account) is var refused && refused != ChatError.None)
        {
            SaslFailed(SignInResult.Refused(refused), account.Nick);
            return;
        }
        else
        {
            _saslAccount = account;
            if (User is null)
            {
                // 900 shows a user name now; 001 must show the same one (a later USER keeps it).
                _saslUserName = account.Nick;
            }
        }

        if (webSession)
            FrontEndLog.LoggedInWithWebSession(Logger, _session.Id, _session.RemoteAddress, account.Nick);
        else if (fingerprint is null)
            FrontEndLog.LoggedIn(Logger, _session.Id, _session.RemoteAddress, account.Nick);
        else
            FrontEndLog.LoggedInWithCertificate(Logger, _session.Id, _session.RemoteAddress, account.Nick, fingerprint);
        var target = _session.Nick ?? PendingNick ?? "*";
        Reply(new IrcMessage(ServerName, IrcNumerics.RPL_LOGGEDIN, target, SaslMask, account.Nick, $"You are now logged in as {account.Nick}"));
        Reply(new IrcMessage(ServerName, IrcNumerics.RPL_SASLSUCCESS, target, "SASL authentication successful"));
        if (result.Waiting > 0)
            FromServer("NOTICE", target, $"{result.Waiting} more stored messages wait; log in again to receive the next ones");
    }

    // nick!user@host as 001 will show it: before registration, the nick from NICK and the user
    // name from USER (or the locked SASL one).
    private string SaslMask => _session.IsRegistered
        ? Mask
        : IrcEventEncoder.Mask(PendingNick ?? "*", new Core.Events.UserAddress(_saslUserName ?? User?.UserName ?? PendingNick ?? "*", _session.Host));

    private void SaslFailed(SignInResult result, string nick)
    {
        FrontEndLog.LoginFailed(Logger, _session.Id, _session.RemoteAddress, nick, result.Error.ToString());
        if (result.Error == ChatError.NickTaken)
            FromServer("NOTICE", "*", $"{nick} is in use by a guest");
        else
            ExplainLoginRefusal(result, nick);
        Numeric(IrcNumerics.ERR_SASLFAIL, "SASL authentication failed");
    }

    // Why a login was refused, when it is not simply a wrong password: a NOTICE that people read,
    // and for the session cap an IRCv3 standard reply (FAIL, ircv3.net/specs/extensions/standard-replies)
    // that clients can act on, ahead of the numeric (904 or 464) that ends the attempt.
    private void ExplainLoginRefusal(SignInResult result, string nick)
    {
        switch (result.Error)
        {
            case ChatError.RateLimited:
                FromServer("NOTICE", "*", $"Too many failed logins: try again in {Line.ChatErrorReplies.Seconds(result.RetryAfter)} s");
                break;
            case ChatError.ServerBusy:
                FromServer("NOTICE", "*", "The server is checking too many passwords at once: try again in a few seconds");
                break;
            case ChatError.TooManySessions:
                FromServer("FAIL", "*", "TOO_MANY_SESSIONS", nick, $"{nick} is logged in from the most connections allowed; close one first");
                break;
            case ChatError.ServerBanned:
                FromServer("NOTICE", "*", $"{nick} is banned from this server");
                break;
        }
    }

    // Stored messages reach the session during the sign-in: keep them (and whatever follows)
    // until the welcome burst is out, so that the client sees 001 first.
    private void HoldEvents()
    {
        lock (_heldLock)
            _held ??= [];
    }

    // Registration of a session SASL authenticated: signs in to the account with the nick from
    // NICK (docs/irc.md, "Nick and account"). A nick in use or another account's gets 433 and the
    // client sends another; the account stays authenticated.
    private async ValueTask CompleteSaslRegistrationAsync(Account account, string nick)
    {
        HoldEvents();
        var result = await Hub.SignInAsync(_session, account, nick);
        if (result.Error != ChatError.None)
        {
            ReleaseHeldEvents();
            PendingNick = null;
            FrontEndLog.LoginFailed(Logger, _session.Id, _session.RemoteAddress, account.Nick, result.Error.ToString());
            if (result.Error is ChatError.NickTaken or ChatError.NickRegistered or ChatError.InvalidNick)
            {
                NickRefused(result.Error, nick);
                return;
            }

            // Banned or at its session cap since SASL said yes: say why and close, as a refused PASS login.
            ExplainLoginRefusal(result, account.Nick);
            Numeric(IrcNumerics.ERR_SASLFAIL, "SASL authentication failed");
            Close("Login refused");
            return;
        }

        _saslAccount = null;
        PendingNick = null;
        Password = null;
        _registered = true;
        MarkRegistered();
        FrontEndLog.Registered(Logger, _session.Id, _session.RemoteAddress, _session.Nick!);
        _frontEnd.Welcome.Send(this);
        ReleaseHeldEvents();
        if (result.Waiting > 0)
            FromServer("NOTICE", _session.Nick!, $"{result.Waiting} more stored messages wait; log in again to receive the next ones");
    }
}

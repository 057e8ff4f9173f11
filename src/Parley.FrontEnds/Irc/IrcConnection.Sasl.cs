using Parley.Core.Presence;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// SASL logins (<see cref="Commands.AuthenticateCommand"/>): PLAIN through
/// <see cref="Core.Accounts.AccountService.LoginAsync"/>, EXTERNAL through
/// <see cref="Core.Accounts.AccountService.LoginWithCertificateAsync"/>, the same paths (and failed-login
/// limits) as the line protocol's <c>/login</c>.
/// </summary>
/// <remarks>
/// A successful login signs the session in to the account at once, so the nick is the account's
/// from then on whatever NICK said; the client learns it from 001 when registration completes
/// (CAP END). Stored messages and anything sent to the account meanwhile are held until after
/// the welcome burst, as for a PASS login.
/// </remarks>
internal sealed partial class IrcConnection
{
    private int _saslWaiting;

    /// <summary>The SASL exchange in progress, or null.</summary>
    public IrcSaslExchange? Sasl { get; set; }

    /// <summary>SASL PLAIN: logs in with the account's password.</summary>
    public async ValueTask SaslPlainAsync(string nick, string password)
    {
        HoldEvents();
        PrepareUserInfo();
        var result = await _frontEnd.Accounts.LoginAsync(_session, nick, password);
        SaslFinished(result, nick, fingerprint: null);
    }

    /// <summary>SASL EXTERNAL: logs in to the account that registered the client certificate.</summary>
    /// <param name="nick">The authzid: the account expected, or null for the certificate's.</param>
    public async ValueTask SaslExternalAsync(string? nick)
    {
        HoldEvents();
        PrepareUserInfo();
        var result = await _frontEnd.Accounts.LoginWithCertificateAsync(_session, nick);
        SaslFinished(result, nick ?? "*", _session.Security.ClientCertificateSha256);
    }

    private void SaslFinished(SignInResult result, string nick, string? fingerprint)
    {
        if (result.Error != ChatError.None)
        {
            ReleaseHeldEvents();
            FrontEndLog.LoginFailed(Logger, _session.Id, _session.RemoteAddress, nick, result.Error.ToString());
            if (result.Error == ChatError.NickTaken)
                FromServer("NOTICE", "*", $"{nick} is in use by a guest");
            else
                ExplainLoginRefusal(result, nick);
            Numeric(IrcNumerics.ERR_SASLFAIL, "SASL authentication failed");
            return;
        }

        if (fingerprint is null)
            FrontEndLog.LoggedIn(Logger, _session.Id, _session.RemoteAddress, result.Nick);
        else
            FrontEndLog.LoggedInWithCertificate(Logger, _session.Id, _session.RemoteAddress, result.Nick, fingerprint);
        _saslWaiting = result.Waiting;
        var shown = _session.Nick!;
        Numeric(IrcNumerics.RPL_LOGGEDIN, Mask, shown, $"You are now logged in as {shown}");
        Numeric(IrcNumerics.RPL_SASLSUCCESS, "SASL authentication successful");
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
        }
    }

    // Stored messages reach the session during the sign-in: keep them (and whatever follows)
    // until the welcome burst is out, so that the client sees 001 first.
    private void HoldEvents()
    {
        lock (_heldLock)
            _held ??= [];
    }

    // USER usually comes before AUTHENTICATE: then others see the user name from the sign-in on.
    private void PrepareUserInfo()
    {
        if (User is { } user)
            _session.SetUserInfo(user.UserName, user.RealName);
    }

    // Registration of a session SASL signed in: its nick is the account's (docs/irc.md).
    private void CompleteSaslRegistration()
    {
        PendingNick = null;
        Password = null;
        _registered = true;
        RecordRegistered();
        FrontEndLog.Registered(Logger, _session.Id, _session.RemoteAddress, _session.Nick!);
        _frontEnd.Welcome.Send(this);
        ReleaseHeldEvents();
        if (_saslWaiting > 0)
            FromServer("NOTICE", _session.Nick!, $"{_saslWaiting} more stored messages wait; log in again to receive the next ones");
    }
}

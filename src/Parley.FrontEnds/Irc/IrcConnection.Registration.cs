using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// Registration: NICK and USER (and PASS) in any order, then CAP END when the client started
/// capability negotiation. The nick is claimed in the hub only when all are in, so other
/// protocols never see a half-registered user; NICK checks it early to answer 433 at once.
/// </summary>
/// <remarks>
/// The claim goes through the core's registration path, as the line protocol's: a guest nick
/// (<see cref="ChatHub.RegisterGuestAsync"/>; a nick owned by an account is refused with 433),
/// or, when the nick is an account's and PASS was given, a login to that account
/// (<see cref="Core.Accounts.AccountService.LoginAsync"/>). PASS is refused (464, closed) on a
/// connection where <see cref="Core.Security.LoginTransportPolicy"/> lets no password through.
/// </remarks>
internal sealed partial class IrcConnection
{
    private readonly Lock _heldLock = new();
    private List<ChatEvent>? _held;
    private volatile bool _invisible;
    private volatile bool _registered;

    /// <summary>
    /// True once registration completed (the welcome was sent). Not the session's
    /// <see cref="Core.Sessions.ChatSession.IsRegistered"/>: SASL signs the session in before
    /// registration completes.
    /// </summary>
    public override bool IsRegistered => _registered;

    /// <summary>The nick from NICK, before registration.</summary>
    public string? PendingNick { get; set; }

    /// <summary>The user name and real name from USER, before registration.</summary>
    public (string? UserName, string RealName)? User { get; set; }

    /// <summary>The password from PASS: at registration, it logs in to the account of the nick.</summary>
    public string? Password { get; set; }

    /// <summary>True from the first CAP LS or REQ before registration until CAP END.</summary>
    public bool CapNegotiating { get; set; }

    /// <summary>The CAP LS version the client asked for (302 enables cap-notify implicitly); 0 when none.</summary>
    public int CapVersion { get; set; }

    /// <summary>User mode +i.</summary>
    public bool Invisible
    {
        get => _invisible;
        set
        {
            if (_invisible == value)
                return;
            _invisible = value;
            _frontEnd.CountInvisible(value ? 1 : -1);
        }
    }

    /// <summary>Completes registration when NICK, USER and (if started) CAP END are in; otherwise does nothing.</summary>
    public async ValueTask TryCompleteRegistrationAsync()
    {
        if (IsRegistered || PendingNick is not { } nick || User is not { } user || CapNegotiating)
            return;

        if (!CheckServerPassword())
            return;
        _session.SetUserInfo(_saslUserName ?? user.UserName, user.RealName);
        if (_saslAccount is { } account)
        {
            // SASL checked the account: PASS is not needed, and the nick from NICK stays.
            await CompleteSaslRegistrationAsync(account, nick);
            return;
        }

        var password = Password;
        Password = null;
        // A password never crosses an untrusted network in clear text (docs/tls.md): refuse it
        // before anything else, whatever it was meant for.
        if (password is not null && !_frontEnd.LoginPolicy.PasswordAllowed(_session.Security))
        {
            FromServer("NOTICE", "*", $"Passwords are refused on a plain connection: connect with TLS ({_frontEnd.TlsPortHint}), and change your password if it crossed an untrusted network");
            Numeric(IrcNumerics.ERR_PASSWDMISMATCH, "Password incorrect");
            Close("Password refused: TLS required");
            return;
        }

        var error = await Hub.RegisterGuestAsync(_session, nick);
        if (password is not null && error is ChatError.NickRegistered or ChatError.GuestsDisabled)
        {
            // The nick is an account's (or only accounts may enter): PASS is its password.
            await LogInAsync(nick, password);
            return;
        }

        // A free nick takes no password: PASS is ignored, as servers without a server password do.
        if (error != ChatError.None)
        {
            PendingNick = null;
            if (error == ChatError.GuestsDisabled)
            {
                // No account, no entry: say how to get in, then close, as servers that require SASL do.
                Numeric(IrcNumerics.ERR_PASSWDMISMATCH, "Password required: this server has no guests; log in with PASS <password>");
                Close("Password required");
                return;
            }

            // Someone took the nick since NICK was checked, or it is an account's: the client must
            // send another (or PASS, to log in).
            NickRefused(error, nick);
            return;
        }

        PendingNick = null;
        _registered = true;
        MarkRegistered();
        FrontEndLog.Registered(Logger, _session.Id, _session.RemoteAddress, nick);
        _frontEnd.Welcome.Send(this);
    }

    // Parley:Irc:Password: PASS must carry it (RFC 2812 §3.1.1); what follows "<password>:" is an
    // account's password. Compared in constant time, so timing tells nothing of it.
    private bool CheckServerPassword()
    {
        if (_frontEnd.Options.Password is not { Length: > 0 } expected)
            return true;
        var given = Password ?? "";
        string? accountPassword = null;
        if (given.Length > expected.Length && given[expected.Length] == ':')
        {
            accountPassword = given[(expected.Length + 1)..];
            given = given[..expected.Length];
        }

        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(expected)))
        {
            Password = null;
            Numeric(IrcNumerics.ERR_PASSWDMISMATCH, "Password incorrect");
            Close("Bad server password");
            return false;
        }

        Password = accountPassword is { Length: > 0 } ? accountPassword : null;
        return true;
    }

    /// <summary>Answers a refused nick claim or change: 433, 902 or 432.</summary>
    public void NickRefused(ChatError error, string nick)
    {
        switch (error)
        {
            case ChatError.NickTaken:
                Numeric(IrcNumerics.ERR_NICKNAMEINUSE, nick, "Nickname is already in use");
                break;
            case ChatError.NickRegistered:
                // 433, as Ergo does for a reserved nick: clients then try their alternative nick.
                Numeric(IrcNumerics.ERR_NICKNAMEINUSE, nick, "Nickname is registered to an account: log in with PASS <password>, or pick another");
                break;
            case ChatError.AlreadyLoggedIn:
                Numeric(IrcNumerics.ERR_NICKLOCKED, "You must use a nick assigned to you");
                break;
            default:
                Numeric(IrcNumerics.ERR_ERRONEUSNICKNAME, nick, "Erroneous nickname");
                break;
        }
    }

    // PASS at registration, for the nick of an account: its password. A failure closes the
    // connection (464, as ircds do for a bad password), so a client never believes it logged in.
    private async ValueTask LogInAsync(string nick, string password)
    {
        // Stored messages reach the session as events during the sign-in: hold them until the
        // welcome burst is out, so that the client sees 001 first.
        lock (_heldLock)
            _held = [];
        var result = await _frontEnd.Accounts.LoginAsync(_session, nick, password);
        if (result.Error != ChatError.None)
        {
            ReleaseHeldEvents();
            PendingNick = null;
            FrontEndLog.LoginFailed(Logger, _session.Id, _session.RemoteAddress, nick, result.Error.ToString());
            if (result.Error == ChatError.NickTaken)
            {
                NickRefused(result.Error, nick);
                return;
            }

            ExplainLoginRefusal(result, nick);
            Numeric(IrcNumerics.ERR_PASSWDMISMATCH, "Password incorrect");
            Close("Bad password");
            return;
        }

        PendingNick = null;
        _registered = true;
        MarkRegistered();
        FrontEndLog.LoggedIn(Logger, _session.Id, _session.RemoteAddress, result.Nick);
        var shown = _session.Nick!;
        Numeric(IrcNumerics.RPL_LOGGEDIN, Mask, _session.AccountName!, $"You are now logged in as {_session.AccountName}");
        _frontEnd.Welcome.Send(this);
        ReleaseHeldEvents();
        if (result.Waiting > 0)
            FromServer("NOTICE", shown, $"{result.Waiting} more stored messages wait; log in again to receive the next ones");
    }

    // Returns true when the event was held back for after the welcome burst.
    private bool TryHold(ChatEvent chatEvent)
    {
        if (Volatile.Read(ref _held) is null)
            return false;
        lock (_heldLock)
        {
            if (_held is null)
                return false;
            _held.Add(chatEvent);
            return true;
        }
    }

    // Delivers what was held, in order, also what other threads add meanwhile; then stops holding.
    private void ReleaseHeldEvents()
    {
        while (true)
        {
            List<ChatEvent> held;
            lock (_heldLock)
            {
                if (_held is not { Count: > 0 })
                {
                    _held = null;
                    return;
                }

                held = _held;
                _held = [];
            }

            foreach (var chatEvent in held)
                DeliverCore(chatEvent, hold: false);
        }
    }
}

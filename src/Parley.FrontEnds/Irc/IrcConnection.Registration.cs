using Parley.Core.Presence;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// Registration: NICK and USER (and PASS) in any order, then CAP END when the client started
/// capability negotiation. The nick is claimed in the hub only when all are in, so other
/// protocols never see a half-registered user; NICK checks it early to answer 433 at once.
/// </summary>
internal sealed partial class IrcConnection
{
    private bool _invisible;

    /// <summary>True once registration completed (the welcome was sent).</summary>
    public bool IsRegistered => _session.IsRegistered;

    /// <summary>The nick from NICK, before registration.</summary>
    public string? PendingNick { get; set; }

    /// <summary>The user name and real name from USER, before registration.</summary>
    public (string? UserName, string RealName)? User { get; set; }

    /// <summary>The password from PASS, kept for account login (not checked yet).</summary>
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
    public void TryCompleteRegistration()
    {
        if (IsRegistered || PendingNick is not { } nick || User is not { } user || CapNegotiating)
            return;

        _session.SetUserInfo(user.UserName, user.RealName);
        var error = Hub.Register(_session, nick);
        if (error != ChatError.None)
        {
            // Someone took the nick since NICK was checked: the client must send another.
            PendingNick = null;
            Numeric(
                error == ChatError.NickTaken ? IrcNumerics.ERR_NICKNAMEINUSE : IrcNumerics.ERR_ERRONEUSNICKNAME,
                nick,
                error == ChatError.NickTaken ? "Nickname is already in use" : "Erroneous nickname");
            return;
        }

        PendingNick = null;
        FrontEndLog.Registered(Logger, _session.Id, _session.RemoteAddress, nick);
        _frontEnd.Welcome.Send(this);
    }

    private void OnRegistrationTimeout()
    {
        if (IsRegistered || Volatile.Read(ref _closing) != 0)
            return;
        FrontEndLog.RegistrationTimedOut(Logger, _session.Id, _session.RemoteAddress, _frontEnd.Limits.RegistrationTimeout);
        Close("Registration timed out");
    }
}

using Parley.FrontEnds.Connections;
using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>OPER &lt;account&gt; [&lt;password&gt;]</c> (modern.ircdocs.horse, OPER): becomes a server
/// operator through an account listed in <c>Parley:Operators</c>; no password is needed when
/// logged in to that account. 381 and <c>MODE nick +o</c> on success; 491 for an account that is
/// not an operator; 464 for a wrong password (or one refused on a plain untrusted connection, with
/// a NOTICE, as PASS is).
/// </summary>
internal sealed class OperCommand : IIrcCommand
{
    public string Name => "OPER";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => false;

    public async ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var password = message.GetParameter(1);
        if (password is not null && !connection.FrontEnd.LoginPolicy.PasswordAllowed(connection.Session.Security))
        {
            connection.FromServer("NOTICE", connection.Session.Nick ?? "*", $"Passwords are refused on a plain connection: connect with TLS ({connection.FrontEnd.TlsPortHint})");
            connection.Numeric(IrcNumerics.ERR_PASSWDMISMATCH, "Password incorrect");
            return;
        }

        var wasOperator = connection.Hub.Operators.IsOperator(connection.Session);
        switch (await connection.FrontEnd.Accounts.OperAsync(connection.Session, message.Parameters[0], password))
        {
            case ChatError.None:
                connection.Numeric(IrcNumerics.RPL_YOUREOPER, "You are now an IRC operator");
                FrontEndLog.OperatorUp(connection.Logger, connection.Session.Id, connection.Session.Nick, connection.Session.OperatorAccount ?? message.Parameters[0]);
                if (!wasOperator)
                    connection.Reply(new IrcMessage(connection.Mask, "MODE", connection.Session.Nick!, "+o"));
                break;
            case ChatError.NotServerOperator:
                connection.Numeric(IrcNumerics.ERR_NOOPERHOST, "No O-lines for your host");
                break;
            default:
                connection.Numeric(IrcNumerics.ERR_PASSWDMISMATCH, "Password incorrect");
                break;
        }
    }
}

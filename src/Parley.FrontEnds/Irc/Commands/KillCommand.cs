using Parley.FrontEnds.Connections;
using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>KILL &lt;nick&gt; [:&lt;reason&gt;]</c> (modern.ircdocs.horse, KILL): server operators
/// disconnect every connection of a nick, as the line protocol's <c>/kill</c>. The victim gets
/// <c>ERROR :Closing Link: nick[parley] (killed by oper: reason)</c>, the users sharing a channel
/// with it see it QUIT with that reason. 481 for a non-operator, 401 for a nick not online.
/// </summary>
internal sealed class KillCommand : IIrcCommand
{
    public string Name => "KILL";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var nick = message.Parameters[0];
        var reason = message.GetParameter(1) is { Length: > 0 } given ? IrcText.Truncate(IrcText.FromClient(given), IrcWelcome.MaxTextLength) : null;
        switch (connection.Hub.Kill(connection.Session, nick, reason, out var killed))
        {
            case ChatError.None:
                FrontEndLog.Killed(connection.Logger, killed!, connection.Session.Nick!, reason);
                break;
            case ChatError.NotServerOperator:
                connection.Numeric(IrcNumerics.ERR_NOPRIVILEGES, "Permission Denied- You're not an IRC operator");
                break;
            default:
                connection.Numeric(IrcNumerics.ERR_NOSUCHNICK, nick, "No such nick/channel");
                break;
        }

        return ValueTask.CompletedTask;
    }
}

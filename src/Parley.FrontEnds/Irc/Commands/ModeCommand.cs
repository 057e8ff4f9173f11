using System.Text;
using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>MODE ownnick [+i|-i]</c>: user mode +i (221 to query; a MODE line for a change; 501 for an
/// unknown flag; 502 for another user), and channel modes on rooms (<see cref="ChannelModes"/>).
/// </summary>
internal sealed class ModeCommand : IIrcCommand
{
    public string Name => "MODE";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var target = message.Parameters[0];
        if (target.StartsWith('#'))
            return ChannelModes.ExecuteAsync(connection, message);

        if (!NickRules.Comparer.Equals(target, connection.Session.Nick))
        {
            if (connection.Hub.FindByNick(target) is null)
                connection.Numeric(IrcNumerics.ERR_NOSUCHNICK, target, "No such nick/channel");
            else
                connection.Numeric(IrcNumerics.ERR_USERSDONTMATCH, "Can't change mode for other users");
            return ValueTask.CompletedTask;
        }

        if (message.GetParameter(1) is not { } modes)
        {
            connection.Numeric(IrcNumerics.RPL_UMODEIS, connection.Invisible ? "+i" : "+");
            return ValueTask.CompletedTask;
        }

        Apply(connection, modes);
        return ValueTask.CompletedTask;
    }

    private static void Apply(IrcConnection connection, string modes)
    {
        var adding = true;
        var unknown = false;
        var applied = new StringBuilder();
        var appliedSign = ' ';
        foreach (var c in modes)
        {
            switch (c)
            {
                case '+' or '-':
                    adding = c == '+';
                    continue;
                case 'i':
                    if (connection.Invisible == adding)
                        continue;
                    connection.Invisible = adding;
                    var sign = adding ? '+' : '-';
                    if (sign != appliedSign)
                        applied.Append(appliedSign = sign);
                    applied.Append('i');
                    continue;
                default:
                    unknown = true;
                    continue;
            }
        }

        if (unknown)
            connection.Numeric(IrcNumerics.ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag");
        if (applied.Length > 0)
            connection.Reply(new IrcMessage(connection.Mask, "MODE", connection.Session.Nick!, applied.ToString()));
    }
}

using System.Text;
using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>MODE ownnick [+B|-B|+i|-i|+w|-w|-o]</c>: user modes +B (bot, ircv3 bot-mode), +i (invisible), +w (receives WALLOPS) and +o
/// (server operator: given by OPER, only taken by MODE, and a session logged in to an operator
/// account stays one); 221 to query; a MODE line for a change; 501 for an unknown flag; 502 for
/// another user. Channel modes on rooms: <see cref="ChannelModes"/>.
/// </summary>
internal sealed class ModeCommand : IIrcCommand
{
    /// <summary>The bot user mode, as ISUPPORT <c>BOT=B</c> names it.</summary>
    public const char BotMode = 'B';

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
            connection.Numeric(IrcNumerics.RPL_UMODEIS, "+" + (connection.Session.IsBot ? "B" : "") + (connection.Invisible ? "i" : "")
                + (connection.Hub.Operators.IsOperator(connection.Session) ? "o" : "") + (connection.Wallops ? "w" : ""));
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
                    break;
                case 'w':
                    if (connection.Wallops == adding)
                        continue;
                    connection.Wallops = adding;
                    break;
                case BotMode:
                    // Bot mode (ircv3.net/specs/extensions/bot-mode, ISUPPORT BOT=B): anyone may set it.
                    if (connection.Session.IsBot == adding)
                        continue;
                    connection.Session.IsBot = adding;
                    break;
                case 'o':
                    // +o comes from OPER only (RFC 2812 §3.1.5: "+o" by MODE is ignored); -o drops it.
                    if (adding || !connection.DropOperator())
                        continue;
                    break;
                default:
                    unknown = true;
                    continue;
            }

            var sign = adding ? '+' : '-';
            if (sign != appliedSign)
                applied.Append(appliedSign = sign);
            applied.Append(c);
        }

        if (unknown)
            connection.Numeric(IrcNumerics.ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag");
        if (applied.Length > 0)
            connection.Reply(new IrcMessage(connection.Mask, "MODE", connection.Session.Nick!, applied.ToString()));
    }
}

using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>NICK nick</c>: choose the nick before registration, or change it after. Nicks follow the
/// core's rules (1-32 ASCII letters, digits, <c>_</c>, <c>-</c>), shared with the line protocol.
/// </summary>
internal sealed class NickCommand : IIrcCommand
{
    public string Name => "NICK";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => true;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var nick = message.GetParameter(0);
        if (string.IsNullOrEmpty(nick))
        {
            connection.Numeric(IrcNumerics.ERR_NONICKNAMEGIVEN, "No nickname given");
            return ValueTask.CompletedTask;
        }

        if (!NickRules.IsValid(nick))
        {
            connection.Numeric(IrcNumerics.ERR_ERRONEUSNICKNAME, nick, "Erroneous nickname");
            return ValueTask.CompletedTask;
        }

        if (!connection.IsRegistered)
        {
            if (connection.Hub.FindByNick(nick) is not null)
            {
                connection.Numeric(IrcNumerics.ERR_NICKNAMEINUSE, nick, "Nickname is already in use");
                return ValueTask.CompletedTask;
            }

            connection.PendingNick = nick;
            connection.TryCompleteRegistration();
            return ValueTask.CompletedTask;
        }

        var oldMask = connection.Mask;
        var old = connection.Session.Nick;
        switch (connection.Hub.Register(connection.Session, nick))
        {
            case ChatError.NickTaken:
                connection.Numeric(IrcNumerics.ERR_NICKNAMEINUSE, nick, "Nickname is already in use");
                break;
            case ChatError.InvalidNick:
                connection.Numeric(IrcNumerics.ERR_ERRONEUSNICKNAME, nick, "Erroneous nickname");
                break;
            default:
                // Others learn it from the hub (line users: "SYS old is now new"); the client
                // itself needs the NICK line to follow its own nick.
                if (!string.Equals(old, nick, StringComparison.Ordinal))
                    connection.Reply(new IrcMessage(oldMask, "NICK", nick));
                break;
        }

        return ValueTask.CompletedTask;
    }
}

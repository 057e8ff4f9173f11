using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>WALLOPS :&lt;text&gt;</c> (modern.ircdocs.horse, WALLOPS): a server operator's message to
/// every IRC user with user mode <c>+w</c>, as <c>:oper!user@host WALLOPS :text</c>, formatted
/// once and shared. 481 for a non-operator. Line-protocol users get nothing (they have no +w).
/// </summary>
internal sealed class WallopsCommand : IIrcCommand
{
    public string Name => "WALLOPS";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (!connection.Hub.Operators.IsOperator(connection.Session))
        {
            connection.Numeric(IrcNumerics.ERR_NOPRIVILEGES, "Permission Denied- You're not an IRC operator");
            return ValueTask.CompletedTask;
        }

        var text = IrcText.Truncate(IrcText.FromClient(message.Parameters[0]), IrcWelcome.MaxTextLength);
        ReadOnlyMemory<byte> bytes = IrcMessageFormatter.Format(new IrcMessage(connection.Mask, "WALLOPS", text));
        foreach (var nick in connection.Hub.OnlineNicks())
        {
            foreach (var session in connection.Hub.FindSessions(nick))
            {
                if (session.Sink is IrcConnection { Wallops: true } peer)
                    peer.SendShared(bytes);
            }
        }

        return ValueTask.CompletedTask;
    }
}

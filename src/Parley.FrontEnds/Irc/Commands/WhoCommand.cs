using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>WHO #chan</c> (its members, unless secret to the asker) or <c>WHO nick</c>: 352
/// <c>channel user host server nick flags :0 realname</c> per user, then 315. Flags: <c>H</c>
/// here or <c>G</c> away, <c>*</c> for a server operator, then the channel prefixes (all of them
/// with multi-prefix). Masks with wildcards are not searched: they match nobody.
/// </summary>
internal sealed class WhoCommand : IIrcCommand
{
    public string Name => "WHO";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var mask = message.GetParameter(0) is { Length: > 0 } given ? given : "*";
        if (mask.StartsWith('#'))
        {
            if (connection.Hub.Rooms.FindVisible(connection.Session, mask, out var room) == ChatError.None)
            {
                foreach (var member in IrcChannelReplies.Distinct(room!))
                    Reply(connection, room!.Name, member.Session, member.Role);
            }
        }
        else if (connection.Hub.FindByNick(mask) is { } target)
        {
            Reply(connection, "*", target, MemberRole.None);
        }

        connection.Numeric(IrcNumerics.RPL_ENDOFWHO, mask, "End of WHO list");
        return ValueTask.CompletedTask;
    }

    private static void Reply(IrcConnection connection, string channel, ChatSession user, MemberRole role)
    {
        var nick = user.Nick ?? "*";
        var flags = (connection.Hub.AwayMessageOf(nick) is null ? "H" : "G")
            + (connection.Hub.Operators.IsOperator(user) ? "*" : "")
            + IrcChannelReplies.Prefix(role, connection.Has(IrcCapabilities.MultiPrefix));
        connection.Numeric(IrcNumerics.RPL_WHOREPLY, channel, user.UserName, user.Host, connection.ServerName, nick, flags, "0 " + user.RealName);
    }
}

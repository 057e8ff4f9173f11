using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>KICK #chan nick[,nick] [:reason]</c>: removes members; every member, the kicked one and the
/// kicker included, gets the KICK line. 482 without op (or to kick the owner), 441 when the nick
/// is not on the channel, 442 when the kicker is not, 403 for no such channel. The reason is cut
/// to KICKLEN.
/// </summary>
internal sealed class KickCommand : IIrcCommand
{
    public string Name => "KICK";
    public int MinParameters => 2;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var channel = message.Parameters[0];
        var reason = message.GetParameter(2) is { Length: > 0 } given
            ? IrcText.Truncate(IrcText.FromClient(given), IrcWelcome.MaxTextLength)
            : null;
        foreach (var nick in message.Parameters[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var error = connection.Hub.Rooms.Kick(connection.Session, channel, nick, reason);
            if (error != ChatError.None)
            {
                IrcChannelReplies.Error(connection, error, channel, nick);
                if (error != ChatError.TargetNotInRoom)
                    break;
            }
        }

        return ValueTask.CompletedTask;
    }
}

using Parley.FrontEnds.Connections;
using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>KICK #chan nick[,nick] [:reason]</c> and <c>KICK #a,#b nick1,nick2</c>: removes members;
/// every member, the kicked one and the kicker included, gets the KICK line. One channel with
/// several nicks kicks each from it; several channels pair with as many nicks, in order (RFC 2812
/// §3.2.8); other counts get 461. 482 without op (or to kick the owner), 441 when the nick is not
/// on the channel, 442 when the kicker is not, 403 for no such channel. The reason is cut to
/// KICKLEN; without one, members see the kicker's nick (modern.ircdocs.horse, KICK).
/// </summary>
internal sealed class KickCommand : IIrcCommand
{
    public string Name => "KICK";
    public int MinParameters => 2;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var channels = message.Parameters[0].Split(',', StringSplitOptions.RemoveEmptyEntries);
        var nicks = message.Parameters[1].Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (channels.Length == 0 || nicks.Length == 0 || (channels.Length > 1 && channels.Length != nicks.Length))
        {
            connection.Numeric(IrcNumerics.ERR_NEEDMOREPARAMS, Name, "Not enough parameters");
            return ValueTask.CompletedTask;
        }

        var reason = message.GetParameter(2) is { Length: > 0 } given
            ? IrcText.Truncate(IrcText.FromClient(given), IrcWelcome.MaxTextLength)
            : null;
        var stopped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < nicks.Length; i++)
        {
            var channel = channels.Length == 1 ? channels[0] : channels[i];
            if (stopped.Contains(channel))
                continue;
            var error = connection.Hub.Rooms.Kick(connection.Session, channel, nicks[i], reason);
            if (error == ChatError.None)
            {
                FrontEndLog.Kicked(connection.Logger, nicks[i], channel, connection.Session.Nick!);
                continue;
            }

            IrcChannelReplies.Error(connection, error, channel, nicks[i]);
            // A refusal about the channel (not op, not on it, no such channel) holds for its other nicks.
            if (error != ChatError.TargetNotInRoom)
                stopped.Add(channel);
        }

        return ValueTask.CompletedTask;
    }
}

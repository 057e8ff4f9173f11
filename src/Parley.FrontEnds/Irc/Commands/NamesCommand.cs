using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>NAMES [#a,#b]</c>: 353 per line and 366 for each visible channel; only 366 for a channel
/// that does not exist or is secret to the asker. Without a channel, only <c>366 *</c>: listing
/// every user is not offered.
/// </summary>
internal sealed class NamesCommand : IIrcCommand
{
    public string Name => "NAMES";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (message.GetParameter(0) is not { Length: > 0 } list)
        {
            connection.Numeric(IrcNumerics.RPL_ENDOFNAMES, "*", "End of /NAMES list");
            return ValueTask.CompletedTask;
        }

        foreach (var channel in list.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (connection.Hub.Rooms.FindVisible(connection.Session, channel, out var room) == ChatError.None)
                IrcChannelReplies.Names(connection, room!);
            else
                connection.Numeric(IrcNumerics.RPL_ENDOFNAMES, channel, "End of /NAMES list");
        }

        return ValueTask.CompletedTask;
    }
}

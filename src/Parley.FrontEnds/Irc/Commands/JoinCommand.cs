using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>JOIN #a,#b [key,key]</c>: joins Parley rooms (creating them, as <c>/join</c> does), then
/// the joiner's own JOIN, 332/333 when there is a topic, 353 and 366. <c>JOIN 0</c> parts every
/// channel. Refusals: 403 bad name, 405 too many, 471 full, 473 +i, 474 banned, 475 bad key.
/// Joining a channel one is on already does nothing, as on other servers.
/// </summary>
/// <remarks>
/// IRC gets no history on join (the line protocol's <c>/join</c> shows the latest messages):
/// IRC clients do not expect it.
/// </remarks>
internal sealed class JoinCommand : IIrcCommand
{
    public string Name => "JOIN";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => false;

    public async ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (message.Parameters[0] == "0")
        {
            foreach (var room in connection.Session.Rooms)
                PartCommand.PartOne(connection, room.Name, null);
            return;
        }

        connection.HoldEventsUntilCommandEnds();
        var channels = message.Parameters[0].Split(',', StringSplitOptions.RemoveEmptyEntries);
        var keys = message.GetParameter(1)?.Split(',') ?? [];
        for (var i = 0; i < channels.Length; i++)
        {
            var channel = channels[i];
            var key = i < keys.Length && keys[i].Length > 0 ? keys[i] : null;
            var result = await connection.Hub.Rooms.JoinAsync(connection.Session, channel, key);
            if (result.Error != ChatError.None)
            {
                IrcChannelReplies.Error(connection, result.Error, channel);
                continue;
            }

            var room = result.Room!;
            if (result.Created)
                connection.LogRoomCreated(room.Name);
            connection.Reply(new IrcMessage(connection.Mask, "JOIN", room.Name));
            IrcChannelReplies.Topic(connection, room, orNone: false);
            IrcChannelReplies.Names(connection, room);
        }
    }
}

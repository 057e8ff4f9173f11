using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>JOIN #a,#b [key,key]</c>: joins Parley rooms (creating them, as <c>/join</c> does), then
/// the joiner's own JOIN, 332/333 when there is a topic, 353 and 366. <c>JOIN 0</c> parts every
/// channel. Refusals: 403 bad name, 405 too many, 471 full, 473 +i, 474 banned, 475 bad key.
/// Joining a channel one is on already does nothing, as on other servers.
/// </summary>
/// <remarks>
/// A client without <c>draft/chathistory</c> then gets the channel's latest messages
/// (<see cref="IrcOptions.AutoReplayOnJoin"/>, Ergo's autoreplay-on-join); one with it asks for
/// history itself.
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
        // The join reads the replay's messages itself: one history read per JOIN, not two.
        var replay = connection.Has(IrcCapabilities.ChatHistory) ? 0 : connection.FrontEnd.Options.AutoReplayOnJoin;
        for (var i = 0; i < channels.Length; i++)
        {
            var channel = channels[i];
            var key = i < keys.Length && keys[i].Length > 0 ? keys[i] : null;
            var result = await connection.Hub.Rooms.JoinAsync(connection.Session, channel, key, replay);
            if (result.Error != ChatError.None)
            {
                IrcChannelReplies.Error(connection, result.Error, channel);
                continue;
            }

            var room = result.Room!;
            if (result.Created)
                connection.LogRoomCreated(room.Name);
            var session = connection.Session;
            connection.Reply(connection.Has(IrcCapabilities.ExtendedJoin)
                ? IrcRoomEvents.ExtendedJoin(connection.Mask, room.Name, session.AccountName, session.RealName)
                : new IrcMessage(connection.Mask, "JOIN", room.Name));
            await MarkReadCommand.SendOnJoinAsync(connection, room.Name);
            IrcChannelReplies.Topic(connection, room, orNone: false);
            IrcChannelReplies.Names(connection, room, result.Roster);
            Replay(connection, room.Name, result.History);
        }
    }

    private static void Replay(IrcConnection connection, string room, IReadOnlyList<RoomMessage> history)
    {
        if (history.Count == 0)
            return;
        var tags = connection.EventTags;
        ChatHistoryCommand.Send(connection, room, [.. history.Select(m => new History.HistoryItem(m.Id, m.Time, ChatHistoryCommand.RoomLines(m, tags)))]);
    }
}

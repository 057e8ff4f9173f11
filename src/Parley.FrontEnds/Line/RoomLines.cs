using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line;

/// <summary>Data lines about a room, shared by <c>/join</c>, <c>/who</c>, <c>/topic</c> and <c>/history</c>.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class RoomLines
{
    /// <summary>Nicks per <c>MEMBERS</c> line: 100 nicks of at most 33 characters stay under 4 KB.</summary>
    public const int NicksPerLine = 100;

    /// <summary>
    /// Sends <c>MEMBERS</c> lines for a snapshot of the room's members, ordered by role then nick.
    /// A nick in the room from several devices (one account) is listed once, with its highest role.
    /// </summary>
    /// <returns>How many nicks were listed.</returns>
    public static int SendMembers(LineConnection connection, Room room)
    {
        var members = room.Members
            .GroupBy(m => m.Session.Nick ?? "", NickRules.Comparer)
            .Select(nick => nick.MaxBy(m => m.Role)!)
            .OrderByDescending(m => m.Role)
            .ThenBy(m => m.Session.Nick, NickRules.Comparer)
            .Select(m => m.Prefix + m.Session.Nick)
            .ToList();
        for (var start = 0; start < members.Count; start += NicksPerLine)
            connection.Reply(LineWriter.Members(room.Name, members.Skip(start).Take(NicksPerLine)));
        return members.Count;
    }

    /// <summary>Sends the <c>TOPIC</c> line when the room has a topic.</summary>
    /// <returns>True when it has one.</returns>
    public static bool SendTopic(LineConnection connection, Room room)
    {
        if (room.Topic is not { } topic)
            return false;
        connection.Reply(LineWriter.Topic(room.Name, topic.SetBy, topic.SetAt, LineText.Strip(topic.Text)));
        return true;
    }

    /// <summary>Sends one <c>HIST id utc from -&gt; #room: text</c> line per message, oldest first.</summary>
    public static void SendHistory(LineConnection connection, IReadOnlyList<RoomMessage> messages)
    {
        foreach (var message in messages)
            connection.Reply(LineWriter.History(message.Id, message.Time, message.From, message.Room, LineText.Render(message.From, message.Text)));
    }
}

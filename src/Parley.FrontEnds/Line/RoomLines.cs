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
    /// A nick in the room from several devices (one account) is listed once, with its highest role
    /// (<see cref="Room.Roster"/>: owner, op, voice, member, then by nick).
    /// </summary>
    /// <returns>How many nicks were listed.</returns>
    /// <param name="connection">The asker.</param>
    /// <param name="room">The room.</param>
    /// <param name="roster">The members to list: a join's snapshot, or null for the room's current ones.</param>
    public static int SendMembers(LineConnection connection, Room room, RoomRoster? roster = null)
    {
        if (room.RemoteCount > 0)
            return SendListing(connection, room, connection.Rooms.Listing(room, roster));
        // The room's cached roster: no group-and-sort per joiner (a storm's n joiners, n members each).
        var members = (roster ?? room.Roster).Entries;
        var names = new string[Math.Min(NicksPerLine, members.Length)];
        for (var start = 0; start < members.Length; start += NicksPerLine)
        {
            var count = Math.Min(NicksPerLine, members.Length - start);
            for (var i = 0; i < count; i++)
                names[i] = members[start + i].Prefix + members[start + i].Session.Nick;
            connection.Reply(LineWriter.Members(room.Name, new ArraySegment<string>(names, 0, count)));
        }

        return members.Length;
    }

    // A room with members on other nodes of a cluster: the merged listing, in the same order.
    private static int SendListing(LineConnection connection, Room room, IReadOnlyList<ListedMember> members)
    {
        foreach (var chunk in members.Chunk(NicksPerLine))
            connection.Reply(LineWriter.Members(room.Name, Array.ConvertAll(chunk, m => m.Prefix + m.Nick)));
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

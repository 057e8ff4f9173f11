using Parley.Core.Presence;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/join #room [key]</c>: join a room, creating it (and owning it) when it does not exist.</summary>
internal sealed class JoinCommand : ILineCommand
{
    public string Name => "join";
    public string Usage => "/join #<room> [key]";
    public string Summary => "join a room (created, and yours, if new); shows its topic, members and latest messages";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (room, key) = LineRequestParser.SplitWord(arguments);
        var result = await connection.Rooms.JoinAsync(connection.Session, room, key.Length == 0 ? null : key);
        if (result.Error != ChatError.None)
        {
            connection.Reply(LineErrors.For(result.Error, room));
            return;
        }

        var joined = result.Room!;
        if (result.Created)
            FrontEndLog.RoomCreated(connection.Logger, connection.Session.Id, connection.Session.Nick, joined.Name);
        RoomLines.SendTopic(connection, joined);
        var members = RoomLines.SendMembers(connection, joined, result.Roster);
        RoomLines.SendHistory(connection, result.History);
        connection.Reply(LineWriter.Ok(result.Created
            ? $"joined {joined.Name} (new room; you are its operator)"
            : $"joined {joined.Name} ({Counted.Of(members, "member")})"));
    }
}

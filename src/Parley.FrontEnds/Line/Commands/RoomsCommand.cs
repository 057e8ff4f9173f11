using Parley.Core.Rooms;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/rooms</c>: the rooms with member counts and topics; secret ones only to their members.</summary>
internal sealed class RoomsCommand : ILineCommand
{
    public string Name => "rooms";
    public string Usage => "/rooms";
    public string Summary => "list the rooms with member counts and topics";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => false;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var rooms = connection.Rooms.VisibleRooms(connection.Session).OrderBy(r => r.Name, RoomNames.Comparer).ToList();
        foreach (var room in rooms)
            connection.Reply(LineWriter.RoomListEntry(room.Name, room.RemoteCount == 0 ? room.MemberCount : connection.Rooms.ListedCount(room), room.Topic?.Text ?? ""));
        connection.Reply(LineWriter.Ok(Counted.Of(rooms.Count, "room")));
        return ValueTask.CompletedTask;
    }
}

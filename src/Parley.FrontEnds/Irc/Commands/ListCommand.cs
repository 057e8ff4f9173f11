using System.Globalization;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>LIST [#a,#b]</c>: 322 <c>#chan count :topic</c> per visible channel (secret ones only to
/// their members), then 323. Users once per nick. No 321, which modern.ircdocs.horse calls optional.
/// </summary>
internal sealed class ListCommand : IIrcCommand
{
    public string Name => "LIST";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var rooms = connection.Hub.Rooms;
        IEnumerable<Room> listed;
        if (message.GetParameter(0) is { Length: > 0 } list && list.StartsWith('#'))
        {
            var found = new List<Room>();
            foreach (var channel in list.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (rooms.FindVisible(connection.Session, channel, out var room) == ChatError.None)
                    found.Add(room!);
            }

            listed = found;
        }
        else
        {
            listed = rooms.VisibleRooms(connection.Session).OrderBy(r => r.Name, RoomNames.Comparer);
        }

        foreach (var room in listed)
        {
            var users = IrcChannelReplies.Distinct(room).Count();
            connection.Numeric(IrcNumerics.RPL_LIST, room.Name, users.ToString(CultureInfo.InvariantCulture), IrcText.ForWire(room.Topic?.Text ?? ""));
        }

        connection.Numeric(IrcNumerics.RPL_LISTEND, "End of /LIST");
        return ValueTask.CompletedTask;
    }
}

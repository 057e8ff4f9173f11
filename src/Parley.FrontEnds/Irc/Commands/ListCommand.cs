using System.Globalization;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>LIST [#a,#b]</c>: 322 <c>#chan count :topic</c> per visible channel (secret ones only to
/// their members), then 323. Users once per nick. No 321, which modern.ircdocs.horse calls optional.
/// ELIST=MNU filters (modern.ircdocs.horse "ELIST"), comma-separated and all applying: a mask with
/// <c>*</c>/<c>?</c> (M), <c>!mask</c> (N), <c>&gt;n</c> and <c>&lt;n</c> users (U).
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
        var filters = message.GetParameter(0) is { Length: > 0 } parameter && IsFilterList(parameter) ? parameter.Split(',', StringSplitOptions.RemoveEmptyEntries) : null;
        if (filters is null && message.GetParameter(0) is { Length: > 0 } list && list.StartsWith('#'))
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
            var users = rooms.ListedCount(room);
            if (filters is not null && !Matches(filters, room.Name, users))
                continue;
            connection.Numeric(IrcNumerics.RPL_LIST, room.Name, users.ToString(CultureInfo.InvariantCulture), IrcText.ForWire(room.Topic?.Text ?? ""));
        }

        connection.Numeric(IrcNumerics.RPL_LISTEND, "End of /LIST");
        return ValueTask.CompletedTask;
    }

    private static bool IsFilterList(string parameter) =>
        parameter.AsSpan().IndexOfAny("*?") >= 0 || parameter[0] is '!' or '<' or '>';

    private static bool Matches(string[] filters, string name, int users)
    {
        foreach (var filter in filters)
        {
            var ok = filter[0] switch
            {
                '>' => int.TryParse(filter.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var more) && users > more,
                '<' => int.TryParse(filter.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var fewer) && users < fewer,
                '!' => !Core.Moderation.Glob.IsMatch(filter.AsSpan(1), name),
                _ => Core.Moderation.Glob.IsMatch(filter, name),
            };
            if (!ok)
                return false;
        }

        return true;
    }
}

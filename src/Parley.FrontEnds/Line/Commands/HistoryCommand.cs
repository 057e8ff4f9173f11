using System.Globalization;
using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/history #room [n] [before &lt;id&gt;]</c>: a room's stored messages, oldest first.</summary>
internal sealed class HistoryCommand : ILineCommand
{
    public string Name => "history";
    public string Usage => "/history #<room> [n] [before <id>]";
    public string Summary => "show a room's last n messages (default 20), or the n before message <id>";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var room = words[0];
        var count = connection.Rooms.Options.HistoryOnJoin is > 0 and var n ? n : 20;
        long? before = null;
        var next = 1;
        if (next < words.Length && int.TryParse(words[next], NumberStyles.None, CultureInfo.InvariantCulture, out var wanted) && wanted > 0)
        {
            count = wanted;
            next++;
        }

        if (next < words.Length)
        {
            if (words[next] != "before" || next + 2 != words.Length
                || !long.TryParse(words[next + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                connection.Reply(LineWriter.Error(LineErrorCodes.Syntax, $"usage: {Usage}"));
                return;
            }

            before = id;
        }

        var result = await connection.Rooms.ReadHistoryAsync(connection.Session, room, count, before);
        if (result.Error != ChatError.None)
        {
            connection.Reply(LineErrors.For(result.Error, room));
            return;
        }

        RoomLines.SendHistory(connection, result.Messages);
        connection.Reply(LineWriter.Ok($"{result.Messages.Count} messages"));
    }
}

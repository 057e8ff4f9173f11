using Parley.FrontEnds.Connections;
using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/ban #room [mask]</c>: list a room's bans, or ban a nick or mask (ops only).</summary>
internal sealed class BanCommand : ILineCommand
{
    public string Name => "ban";
    public string Usage => "/ban #<room> [nick | nick*mask | nick@address]";
    public string Summary => "list a room's bans, or ban a nick or mask from it (ops only)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (name, rest) = LineRequestParser.SplitWord(arguments);
        var (mask, _) = LineRequestParser.SplitWord(rest);
        if (mask.Length == 0)
        {
            var found = connection.Rooms.FindJoined(connection.Session, name, out var room);
            if (found != ChatError.None)
            {
                connection.Reply(LineErrors.For(found, name));
                return;
            }

            var bans = room!.Bans;
            foreach (var ban in bans)
                connection.Reply(LineWriter.Ban(room.Name, ban.Mask, ban.SetBy, ban.SetAt));
            connection.Reply(LineWriter.Ok($"{Counted.Of(bans.Length, "ban")} in {room.Name}"));
            return;
        }

        var error = await connection.Rooms.SetBanAsync(connection.Session, name, mask, add: true);
        if (error == ChatError.None)
            FrontEndLog.RoomListChanged(connection.Logger, connection.Session.Nick!, "added", mask, "ban", name);
        connection.Reply(error == ChatError.None ? LineWriter.Ok($"banned {mask} from {name}") : LineErrors.For(error, name));
    }
}

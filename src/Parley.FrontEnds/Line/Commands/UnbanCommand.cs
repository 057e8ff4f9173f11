using Parley.FrontEnds.Connections;
using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/unban #room mask</c>: lift a ban (ops only).</summary>
internal sealed class UnbanCommand : ILineCommand
{
    public string Name => "unban";
    public string Usage => "/unban #<room> <mask>";
    public string Summary => "lift a ban (ops only)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (name, rest) = LineRequestParser.SplitWord(arguments);
        var (mask, _) = LineRequestParser.SplitWord(rest);
        if (mask.Length == 0)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.NeedMoreParams, $"usage: {Usage}"));
            return;
        }

        var error = await connection.Rooms.SetBanAsync(connection.Session, name, mask, add: false);
        if (error == ChatError.None)
            FrontEndLog.RoomListChanged(connection.Logger, connection.Session.Nick!, "removed", mask, "ban", name);
        connection.Reply(error == ChatError.None ? LineWriter.Ok($"unbanned {mask} from {name}") : LineErrors.For(error, name));
    }
}

using Parley.FrontEnds.Connections;
using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/kick #room nick [reason]</c>: remove a member (ops only).</summary>
internal sealed class KickCommand : ILineCommand
{
    public string Name => "kick";
    public string Usage => "/kick #<room> <nick> [reason]";
    public string Summary => "remove a member from a room (ops only)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (room, rest) = LineRequestParser.SplitWord(arguments);
        var (nick, reason) = LineRequestParser.SplitWord(rest);
        if (nick.Length == 0)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.NeedMoreParams, $"usage: {Usage}"));
            return ValueTask.CompletedTask;
        }

        var error = connection.Rooms.Kick(connection.Session, room, nick, reason.Length == 0 ? null : reason);
        if (error == ChatError.None)
            FrontEndLog.Kicked(connection.Logger, nick, room, connection.Session.Nick!);
        connection.Reply(error == ChatError.None ? LineWriter.Ok($"kicked {nick} from {room}") : LineErrors.For(error, room, nick));
        return ValueTask.CompletedTask;
    }
}

using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/invite nick #room</c>: let someone in past <c>+i</c> (in a <c>+i</c> room, ops only).</summary>
internal sealed class InviteCommand : ILineCommand
{
    public string Name => "invite";
    public string Usage => "/invite <nick> #<room>";
    public string Summary => "invite someone to a room (in an invite-only room, ops only)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (nick, rest) = LineRequestParser.SplitWord(arguments);
        var (room, _) = LineRequestParser.SplitWord(rest);
        if (room.Length == 0)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.NeedMoreParams, $"usage: {Usage}"));
            return ValueTask.CompletedTask;
        }

        var error = connection.Rooms.Invite(connection.Session, nick, room, out var invited);
        connection.Reply(error == ChatError.None ? LineWriter.Ok($"invited {invited} to {room}") : LineErrors.For(error, room, nick));
        return ValueTask.CompletedTask;
    }
}

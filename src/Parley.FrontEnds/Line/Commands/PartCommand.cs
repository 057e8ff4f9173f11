using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/part #room [reason]</c>: leave a room; its members are told.</summary>
internal sealed class PartCommand : ILineCommand
{
    public string Name => "part";
    public string Usage => "/part #<room> [reason]";
    public string Summary => "leave a room";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (room, reason) = LineRequestParser.SplitWord(arguments);
        var error = connection.Rooms.Part(connection.Session, room, reason.Length == 0 ? null : reason);
        connection.Reply(error == ChatError.None ? LineWriter.Ok($"left {room}") : LineErrors.For(error, room));
        return ValueTask.CompletedTask;
    }
}

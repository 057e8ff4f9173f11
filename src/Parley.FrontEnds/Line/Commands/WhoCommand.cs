using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/who #room</c>: a room's members with their role prefix (<c>~</c> owner, <c>@</c> op, <c>+</c> voice).</summary>
internal sealed class WhoCommand : ILineCommand
{
    public string Name => "who";
    public string Usage => "/who #<room>";
    public string Summary => "list a room's members: ~owner @op +voice";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (name, _) = LineRequestParser.SplitWord(arguments);
        var error = connection.Rooms.FindVisible(connection.Session, name, out var room);
        if (error != ChatError.None)
        {
            connection.Reply(LineErrors.For(error, name));
            return ValueTask.CompletedTask;
        }

        var count = RoomLines.SendMembers(connection, room!);
        connection.Reply(LineWriter.Ok($"{Counted.Of(count, "member")} in {room!.Name}"));
        return ValueTask.CompletedTask;
    }
}

using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/say #room text</c> and <c>@#room:text</c>: say something in a room.</summary>
internal sealed class SayCommand : ILineCommand
{
    public string Name => "say";
    public string Usage => "/say #<room> <text>  (or @#<room>:<text>)";
    public string Summary => "send a message to a room; you get it back as ECHO";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (room, text) = LineRequestParser.SplitWord(arguments);
        if (text.Length == 0)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.NeedMoreParams, $"usage: {Usage}"));
            return;
        }

        var result = await connection.Rooms.SayAsync(connection.Session, room, text);
        connection.Reply(result.Error == ChatError.None
            ? LineWriter.Ok($"sent to {result.Recipients} members of {result.Message!.Room}")
            : LineErrors.For(result.Error, room));
    }
}

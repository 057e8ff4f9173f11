using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/topic #room [text]</c>: show the topic, or set it (<c>-</c> clears it).</summary>
internal sealed class TopicCommand : ILineCommand
{
    public string Name => "topic";
    public string Usage => "/topic #<room> [text | -]";
    public string Summary => "show a room's topic, set it, or clear it with -";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (name, text) = LineRequestParser.SplitWord(arguments);
        if (text.Length == 0)
        {
            var found = connection.Rooms.FindVisible(connection.Session, name, out var room);
            if (found != ChatError.None)
                connection.Reply(LineErrors.For(found, name));
            else if (RoomLines.SendTopic(connection, room!))
                connection.Reply(LineWriter.Ok($"topic of {room!.Name}"));
            else
                connection.Reply(LineWriter.Ok($"{room!.Name} has no topic"));
            return;
        }

        var clear = text == "-";
        var error = await connection.Rooms.SetTopicAsync(connection.Session, name, clear ? null : text);
        connection.Reply(error == ChatError.None
            ? LineWriter.Ok(clear ? $"topic of {name} cleared" : $"topic of {name} set")
            : LineErrors.For(error, name));
    }
}

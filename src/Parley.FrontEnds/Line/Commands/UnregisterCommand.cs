using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/unregister #room</c>: the owner account gives up a registered room, which becomes ordinary
/// and vanishes when empty.
/// </summary>
internal sealed class UnregisterCommand : ILineCommand
{
    public string Name => "unregister";
    public string Usage => "/unregister #<room>";
    public string Summary => "make your registered room ordinary again; it vanishes when empty (owner only)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (room, _) = LineRequestParser.SplitWord(arguments);
        var error = await connection.Rooms.UnregisterAsync(connection.Session, room);
        connection.Reply(error switch
        {
            ChatError.None => LineWriter.Ok($"unregistered {room}"),
            ChatError.NotLoggedIn => ChatErrorReplies.NotLoggedIn,
            _ => LineErrors.For(error, room),
        });
    }
}

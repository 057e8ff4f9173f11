using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/say #room text</c> and <c>@#room:text</c>: say something in a room. The <c>OK</c> comes once
/// the message is stored (docs/accounts.md, "What delivered and stored promise").
/// </summary>
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
        if (result.Error != ChatError.None)
        {
            connection.Reply(LineErrors.For(result.Error, room));
            return;
        }

        // Like a DM: the members have it and the ECHO (returned, not delivered) is queued now; the OK
        // waits for the commit.
        connection.Deliver(result.Echo!);
        connection.ReplyWhenStored(
            result.Committed,
            LineWriter.Ok($"sent to {Counted.Of(result.Recipients, "member")} of {result.Message!.Room}"),
            ChatErrorReplies.StorageFailed);
    }
}

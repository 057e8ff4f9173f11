using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/bm &lt;text&gt;</c>, and any line without a prefix: a message to everyone else, stored for <c>/history *</c>.</summary>
internal sealed class BroadcastCommand : ILineCommand
{
    public string Name => "bm";
    public string Usage => "/bm <text>  (or just <text>)";
    public string Summary => "send a message to everyone online";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var result = connection.Hub.Broadcast(connection.Session, arguments);
        connection.ReplyWhenStored(result.Committed, LineWriter.Ok("sent to " + Counted.Of(result.Recipients, "user")), ChatErrorReplies.StorageFailed);
        return ValueTask.CompletedTask;
    }
}

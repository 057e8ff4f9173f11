using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/bm &lt;text&gt;</c>, and any line without a prefix: a message to everyone else.</summary>
internal sealed class BroadcastCommand : ILineCommand
{
    public string Name => "bm";
    public string Usage => "/bm <text>  (or just <text>)";
    public string Summary => "send a message to everyone online";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        connection.Hub.Broadcast(connection.Session, arguments, out var recipients);
        connection.Reply(LineWriter.Ok($"sent to {recipients} users"));
        return ValueTask.CompletedTask;
    }
}

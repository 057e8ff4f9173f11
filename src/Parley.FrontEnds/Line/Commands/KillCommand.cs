using Parley.Core.Presence;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/kill nick [reason]</c>: disconnect someone (server operators only).</summary>
internal sealed class KillCommand : ILineCommand
{
    public string Name => "kill";
    public string Usage => "/kill <nick> [reason]";
    public string Summary => "disconnect a user (server operators only)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;
    public bool RequiresServerOperator => true;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (nick, reason) = LineRequestParser.SplitWord(arguments);
        var why = reason.Length == 0 ? null : reason;
        var error = connection.Hub.Kill(connection.Session, nick, why, out var killed);
        if (error == ChatError.None)
            FrontEndLog.Killed(connection.Logger, killed!, connection.Session.Nick!, why);
        connection.Reply(error == ChatError.None ? LineWriter.Ok($"killed {killed}") : LineErrors.For(error, nick: nick));
        return ValueTask.CompletedTask;
    }
}

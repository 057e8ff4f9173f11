using Parley.FrontEnds.Connections;
using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/serverunban mask</c>: lift a server-wide address ban (server operators only).</summary>
internal sealed class ServerUnbanCommand : ILineCommand
{
    public string Name => "serverunban";
    public string Usage => "/serverunban <address-mask>";
    public string Summary => "lift a server-wide address ban (server operators only)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;
    public bool RequiresServerOperator => true;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (mask, _) = LineRequestParser.SplitWord(arguments);
        var error = connection.Hub.UnbanAddress(connection.Session, mask);
        if (error == ChatError.None)
            FrontEndLog.AddressUnbanned(connection.Logger, connection.Session.Nick!, mask);
        connection.Reply(error == ChatError.None ? LineWriter.Ok($"unbanned {mask} server-wide") : LineErrors.For(error));
        return ValueTask.CompletedTask;
    }
}

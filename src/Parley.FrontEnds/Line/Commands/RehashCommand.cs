using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/rehash</c>: reload the live settings from the configuration (server operators only), as SIGHUP does.</summary>
internal sealed class RehashCommand : ILineCommand
{
    public string Name => "rehash";
    public string Usage => "/rehash";
    public string Summary => "reload operators, MOTD, limits and bans from the configuration (server operators only)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => false;
    public bool RequiresServerOperator => true;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        if (connection.Hub.RehashHandler is not { } rehash)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.Syntax, "this server cannot reload its configuration"));
            return ValueTask.CompletedTask;
        }

        try
        {
            connection.Reply(LineWriter.Ok("rehashed: " + rehash(connection.Session.OperatorAccount ?? connection.Session.Nick!)));
        }
        catch (ArgumentException e)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.Syntax, "not reloaded: " + e.Message.Split('\n')[0]));
        }

        return ValueTask.CompletedTask;
    }
}

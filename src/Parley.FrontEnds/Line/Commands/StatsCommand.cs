using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/stats</c>: the server's metrics at a glance (server operators only), the same series and
/// values as <c>parley-server stats</c> and <c>/metrics</c>: <c>STATS</c> lines, then <c>OK</c>.
/// </summary>
internal sealed class StatsCommand : ILineCommand
{
    public string Name => "stats";
    public string Usage => "/stats";
    public string Summary => "the server's metrics at a glance (server operators only)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => false;
    public bool RequiresServerOperator => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        if (connection.Hub.StatsHandler is not { } stats)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.Syntax, "this server keeps no metrics"));
            return;
        }

        var lines = await stats(CancellationToken.None);
        foreach (var line in lines)
            connection.Reply(LineWriter.Stats(line));
        // "series" is its own plural.
        connection.Reply(LineWriter.Ok(lines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " series"));
    }
}

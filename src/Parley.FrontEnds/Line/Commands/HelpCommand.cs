using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/help</c>: one <c>HELP</c> line per command, to the asker only.</summary>
internal sealed class HelpCommand : ILineCommand
{
    private byte[][] _lines = [];

    public string Name => "help";
    public string Usage => "/help";
    public string Summary => "list the commands";
    public bool AllowedBeforeRegistration => true;
    public bool RequiresArguments => false;

    /// <summary>Encodes the help lines once, from the finished table.</summary>
    public void Build(LineCommandTable table) =>
        _lines = [.. table.Commands.Select(c => LineWriter.Help($"{c.Usage}  {c.Summary}")), LineWriter.Ok("end of help")];

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        foreach (var line in _lines)
            connection.Reply(line);
        return ValueTask.CompletedTask;
    }
}

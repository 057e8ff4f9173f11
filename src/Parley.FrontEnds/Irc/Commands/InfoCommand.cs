using System.Runtime.InteropServices;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary><c>INFO</c> (modern.ircdocs.horse, INFO): 371 lines about the server, then 374.</summary>
internal sealed class InfoCommand : IIrcCommand
{
    public string Name => "INFO";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        connection.Numeric(IrcNumerics.RPL_INFO, $"{IrcFrontEnd.Version}: Parley, a chat server speaking IRC and a line protocol over one core");
        connection.Numeric(IrcNumerics.RPL_INFO, $"Running on {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");
        connection.Numeric(IrcNumerics.RPL_INFO, $"Up since {IrcText.FormatTime(connection.FrontEnd.StartedAt)}");
        connection.Numeric(IrcNumerics.RPL_INFO, "IRC commands, numerics and capabilities: docs/irc.md");
        connection.Numeric(IrcNumerics.RPL_ENDOFINFO, "End of INFO list");
        return ValueTask.CompletedTask;
    }
}

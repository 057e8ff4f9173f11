using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>VERSION [server]</c> (modern.ircdocs.horse, VERSION): <c>351 nick parley-0.1.0 parley :comments</c>
/// and the RPL_ISUPPORT (005) lines again, as the specification asks; 402 for another server.
/// </summary>
internal sealed class VersionCommand : IIrcCommand
{
    public string Name => "VERSION";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (!ServerQueries.IsThisServer(connection, message.GetParameter(0)))
            return ValueTask.CompletedTask;
        connection.Numeric(IrcNumerics.RPL_VERSION, IrcFrontEnd.Version, connection.ServerName, "Parley IRC front-end (docs/irc.md)");
        foreach (var tokens in connection.FrontEnd.Welcome.Isupport)
            connection.Numeric(IrcNumerics.RPL_ISUPPORT, [.. tokens, "are supported by this server"]);
        return ValueTask.CompletedTask;
    }
}

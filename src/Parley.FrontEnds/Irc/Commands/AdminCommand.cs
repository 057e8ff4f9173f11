using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>ADMIN [server]</c> (modern.ircdocs.horse, ADMIN): 256, 257 (the network), 258 (the server and
/// its version), 259 (<c>Parley:Irc:AdminContact</c>, or a line saying none is set); 402 for another server.
/// </summary>
internal sealed class AdminCommand : IIrcCommand
{
    public string Name => "ADMIN";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (!ServerQueries.IsThisServer(connection, message.GetParameter(0)))
            return ValueTask.CompletedTask;
        var options = connection.FrontEnd.Options;
        connection.Numeric(IrcNumerics.RPL_ADMINME, connection.ServerName, "Administrative info");
        connection.Numeric(IrcNumerics.RPL_ADMINLOC1, $"The {options.NetworkName} network");
        connection.Numeric(IrcNumerics.RPL_ADMINLOC2, $"{connection.ServerName}, running {IrcFrontEnd.Version}");
        connection.Numeric(IrcNumerics.RPL_ADMINEMAIL, options.AdminContact is { } contact ? IrcText.ForWire(contact) : "No administrator contact is configured (Parley:Irc:AdminContact)");
        return ValueTask.CompletedTask;
    }
}

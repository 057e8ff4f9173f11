using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>REHASH</c> (RFC 2812 §4.2): reload the live settings from the configuration, for server
/// operators (accounts in <c>Parley:Operators</c>); 382 RPL_REHASHING, or 481 ERR_NOPRIVILEGES.
/// </summary>
internal sealed class RehashCommand : IIrcCommand
{
    public string Name => "REHASH";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (!connection.Hub.Operators.IsOperator(connection.Session))
        {
            connection.Numeric("481", "Permission Denied- You're not an IRC operator");
            return ValueTask.CompletedTask;
        }

        if (connection.Hub.RehashHandler is not { } rehash)
        {
            connection.FromServer("NOTICE", connection.Session.Nick!, "This server cannot reload its configuration");
            return ValueTask.CompletedTask;
        }

        try
        {
            var summary = rehash(connection.Session.OperatorAccount ?? connection.Session.Nick!);
            connection.Numeric("382", "parley.json", "Rehashing: " + summary);
        }
        catch (ArgumentException e)
        {
            connection.FromServer("NOTICE", connection.Session.Nick!, "Not rehashed: " + e.Message.Split('\n')[0]);
        }

        return ValueTask.CompletedTask;
    }
}

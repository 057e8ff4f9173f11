using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary><c>MOTD</c>: the message of the day again (375/372/376, or 422).</summary>
internal sealed class MotdCommand : IIrcCommand
{
    public string Name => "MOTD";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        connection.FrontEnd.Welcome.SendMotd(connection);
        return ValueTask.CompletedTask;
    }
}

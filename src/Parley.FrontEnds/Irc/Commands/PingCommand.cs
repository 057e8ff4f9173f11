using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary><c>PING token</c>: answered <c>:server PONG server :token</c>.</summary>
internal sealed class PingCommand : IIrcCommand
{
    public string Name => "PING";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => true;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        connection.FromServer("PONG", connection.ServerName, message.Parameters[0]);
        return ValueTask.CompletedTask;
    }
}

using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary><c>LUSERS</c>: 251-255, counting users on every protocol.</summary>
internal sealed class LusersCommand : IIrcCommand
{
    public string Name => "LUSERS";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        IrcWelcome.SendLusers(connection);
        return ValueTask.CompletedTask;
    }
}

using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary><c>PONG token</c>: the answer to the server's PING. Any line proves the client alive; this one says nothing else.</summary>
internal sealed class PongCommand : IIrcCommand
{
    public string Name => "PONG";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => true;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message) => ValueTask.CompletedTask;
}

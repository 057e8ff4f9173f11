using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>QUIT [:reason]</c>: leave. Others are told through the hub (line users see
/// <c>SYS nick left (reason)</c>); the client gets <c>ERROR :Closing Link</c> and is closed.
/// </summary>
internal sealed class QuitCommand : IIrcCommand
{
    public string Name => "QUIT";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => true;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var reason = message.GetParameter(0) is { Length: > 0 } given
            ? IrcText.Truncate(IrcText.FromClient(given), IrcWelcome.MaxTextLength)
            : null;
        connection.Hub.Quit(connection.Session, reason);
        // The log says "quit", never the user's own words.
        connection.SetLogReason("quit");
        connection.Close(reason is null ? "Quit" : "Quit: " + reason);
        return ValueTask.CompletedTask;
    }
}

using Parley.FrontEnds.Irc.Services;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>NS</c>/<c>NICKSERV</c> and <c>CS</c>/<c>CHANSERV</c> <c>&lt;request&gt;</c>: the same as a
/// <c>PRIVMSG</c> to the service (Anope's and Ergo's aliases). The parameters are the request's words.
/// </summary>
internal sealed class ServiceAliasCommand(string name, IrcService service) : IIrcCommand
{
    public string Name => name;
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message) =>
        service.HandleAsync(connection, string.Join(' ', message.Parameters));
}

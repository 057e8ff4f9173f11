using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// One IRC command. The <see cref="IrcCommandTable"/> runs the shared checks its metadata asks
/// for (registration, parameter count) before <see cref="ExecuteAsync"/> is called.
/// </summary>
/// <remarks>Implementations are stateless singletons, called concurrently for different connections.</remarks>
internal interface IIrcCommand
{
    /// <summary>The verb, upper case, e.g. <c>PRIVMSG</c>.</summary>
    string Name { get; }

    /// <summary>Fewest parameters; fewer are answered with 461 ERR_NEEDMOREPARAMS.</summary>
    int MinParameters { get; }

    /// <summary>Whether a connection may use it before registration (otherwise 451 ERR_NOTREGISTERED).</summary>
    bool AllowedBeforeRegistration { get; }

    /// <summary>Runs the command; replies go through the connection's reply methods (so labels apply).</summary>
    /// <param name="connection">The connection that sent it.</param>
    /// <param name="message">The parsed message.</param>
    ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message);
}

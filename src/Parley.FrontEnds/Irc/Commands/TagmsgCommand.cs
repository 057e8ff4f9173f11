using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>@+tag=value TAGMSG nick</c> (IRCv3 message-tags): relays the client-only tags, without a
/// message, to the nick's connections that enabled message-tags; never stored. 401 for a nick not
/// online, 403 for a channel until IRC channels are wired (the channels branch adds the
/// <c>#</c> target, through the rooms' fan-out). Echoed with echo-message. A TAGMSG without
/// client tags is dropped silently: there is nothing to relay.
/// </summary>
internal sealed class TagmsgCommand : IIrcCommand
{
    public string Name => "TAGMSG";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var target = message.Parameters[0];
        if (target.StartsWith('#'))
        {
            connection.Numeric(IrcNumerics.ERR_NOSUCHCHANNEL, target, "No such channel");
            return ValueTask.CompletedTask;
        }

        var tags = MessageCommand.ClientTags(message);
        if (tags.Length == 0)
            return ValueTask.CompletedTask;
        var result = connection.Hub.SendTags(connection.Session, target, tags);
        if (result.Error != ChatError.None)
        {
            connection.Numeric(IrcNumerics.ERR_NOSUCHNICK, target, "No such nick/channel");
            return ValueTask.CompletedTask;
        }

        if (connection.Has(IrcCapabilities.EchoMessage) && !result.ToSelf)
            connection.Echo(result.Tags!);
        return ValueTask.CompletedTask;
    }
}

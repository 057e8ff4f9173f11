using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>@+tag=value TAGMSG nick</c> (IRCv3 message-tags): relays the client-only tags, without a
/// message, to the nick's connections that enabled message-tags; never stored. 401 for a nick not
/// online. <c>TAGMSG #channel</c> relays them to the channel's other members with message-tags
/// (members only: 404 otherwise, or in a <c>+m</c> channel without voice; 403 for no such
/// channel). Echoed with echo-message. A TAGMSG without client tags is dropped silently: there is
/// nothing to relay.
/// </summary>
internal sealed class TagmsgCommand : IIrcCommand
{
    public string Name => "TAGMSG";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var target = message.Parameters[0];
        var tags = MessageCommand.ClientTags(message);
        if (target.StartsWith('#'))
        {
            SendToRoom(connection, target, tags);
            return ValueTask.CompletedTask;
        }

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

    // As a channel PRIVMSG: not being a member is "cannot send" (404), as IRC servers answer.
    private static void SendToRoom(IrcConnection connection, string channel, KeyValuePair<string, string>[] tags)
    {
        if (tags.Length == 0)
            return;
        var error = connection.Hub.Rooms.SendTags(connection.Session, channel, tags, out var sent);
        if (error != ChatError.None)
        {
            IrcChannelReplies.Error(connection, error is ChatError.NotInRoom ? ChatError.CannotSend : error, channel);
            return;
        }

        if (connection.Has(IrcCapabilities.EchoMessage))
            connection.Echo(sent!);
    }
}

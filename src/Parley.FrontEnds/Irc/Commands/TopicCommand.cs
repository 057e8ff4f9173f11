using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>TOPIC #chan</c> asks (331, or 332 and 333); <c>TOPIC #chan :text</c> sets it (empty text
/// clears it), and every member, the setter included, gets the TOPIC line. 482 in a <c>+t</c>
/// channel without op, 442 when not on it, 403 for no such channel (or a secret one).
/// </summary>
internal sealed class TopicCommand : IIrcCommand
{
    public string Name => "TOPIC";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => false;

    public async ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var channel = message.Parameters[0];
        var rooms = connection.Hub.Rooms;
        if (message.GetParameter(1) is not { } text)
        {
            var error = rooms.FindVisible(connection.Session, channel, out var room);
            if (error != ChatError.None)
                IrcChannelReplies.Error(connection, error, channel);
            else
                IrcChannelReplies.Topic(connection, room!, orNone: true);
            return;
        }

        var set = await rooms.SetTopicAsync(connection.Session, channel, text.Length == 0 ? null : IrcText.FromClient(text));
        IrcChannelReplies.Error(connection, set, channel);
    }
}

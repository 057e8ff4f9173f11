using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>INVITE nick #chan</c>: the invitee may then join past <c>+i</c>, and gets
/// <c>:inviter!u@h INVITE nick #chan</c>; the inviter gets 341. 401 no such nick, 403 no such
/// channel, 442 not on it, 443 already on it, 482 in a <c>+i</c> channel without op.
/// </summary>
internal sealed class InviteCommand : IIrcCommand
{
    public string Name => "INVITE";
    public int MinParameters => 2;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var (nick, channel) = (message.Parameters[0], message.Parameters[1]);
        var error = connection.Hub.Rooms.Invite(connection.Session, nick, channel, out var invited);
        if (error != ChatError.None)
        {
            IrcChannelReplies.Error(connection, error, channel, nick);
            return ValueTask.CompletedTask;
        }

        connection.Numeric(IrcNumerics.RPL_INVITING, invited!, connection.Hub.Rooms.Find(channel)?.Name ?? channel);
        return ValueTask.CompletedTask;
    }
}

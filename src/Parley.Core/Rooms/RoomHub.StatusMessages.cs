using Parley.Core.Events;
using Parley.Core.Metrics;
using Parley.Core.Presence;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Rooms;

public sealed partial class RoomHub
{
    /// <summary>
    /// Says <paramref name="text"/> to the members of a room who hold <paramref name="minimum"/> or
    /// a higher role (IRC's STATUSMSG, <c>PRIVMSG @#chan</c>: ops and the owner), and returns the
    /// sender's echo (<see cref="RoomSendResult.Echo"/>). Not stored in the room's history: history is read by every member, and this
    /// message was for some of them only.
    /// </summary>
    /// <param name="from">The sender; it must be allowed to send to the room (as for <see cref="SayAsync"/>), not to hold the role.</param>
    /// <param name="name">The room.</param>
    /// <param name="minimum">The least role that receives it: <see cref="MemberRole.Voice"/> (voiced, ops, owner), <see cref="MemberRole.Op"/> (ops, owner) or <see cref="MemberRole.Owner"/>.</param>
    /// <param name="prefix">The status prefix the sender used (<c>+</c>, <c>@</c>, <c>~</c>), kept in <see cref="RoomMessageEvent.StatusPrefix"/>.</param>
    /// <param name="text">Message text.</param>
    /// <param name="clientTags">Client metadata relayed with the message, never stored; null for none.</param>
    /// <param name="notice">True for a notice.</param>
    /// <returns>As <see cref="SayAsync"/>; <see cref="RoomSendResult.Committed"/> is already complete (nothing is stored).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimum"/> is <see cref="MemberRole.None"/>.</exception>
    public RoomSendResult SayToRole(ChatSession from, string name, MemberRole minimum, string prefix, string text, IReadOnlyList<KeyValuePair<string, string>>? clientTags = null, bool notice = false)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (minimum == MemberRole.None)
            throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "a status message needs a role");
        var error = CheckSend(from, name, text, out var room);
        if (error != ChatError.None)
            return RoomSendResult.Refused(error);

        var message = new RoomMessage(_ids.NextRoomMessageId(), room!.Name, from.Nick!, text, _time.GetUtcNow(), from.AccountId);
        var account = from.AccountName;
        var tags = clientTags ?? [];
        var chatEvent = new RoomMessageEvent(message, IsEcho: false) { Time = message.Time, ActorAddress = from.UserAddress, FromAccount = account, ClientTags = tags, IsNotice = notice, FromBot = from.IsBot, StatusPrefix = prefix };
        var echo = new RoomMessageEvent(message, IsEcho: true) { Time = message.Time, ActorAddress = from.UserAddress, FromAccount = account, ClientTags = tags, IsNotice = notice, FromBot = from.IsBot, StatusPrefix = prefix };
        var count = _hub.Router.Publish(Audience.OfMembers(room, room.MemberArrayForReading, except: from, minimum: minimum), chatEvent);
        ChatMetrics.RoomMessageSent(count);
        return new RoomSendResult(ChatError.None, message, count, Task.CompletedTask) { Echo = echo };
    }
}

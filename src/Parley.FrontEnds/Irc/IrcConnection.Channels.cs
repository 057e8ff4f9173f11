using Parley.Core.Events;
using Parley.Core.Rooms;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// Channel presence per recipient: IRC shows a quit or nick change only to users sharing a channel
/// with the user, and away and account changes only with away-notify and account-notify. The core
/// hands such events to everyone; each connection decides whether to send their (shared) bytes.
/// </summary>
internal sealed partial class IrcConnection
{
    private bool _releaseAfterCommand;

    /// <summary>
    /// Holds the events delivered to this connection until the running command has replied: a
    /// JOIN's own JOIN line and NAMES must come before what other members do in the channel
    /// meanwhile (another member's JOIN could otherwise arrive first). Read loop only.
    /// </summary>
    public void HoldEventsUntilCommandEnds()
    {
        lock (_heldLock)
            _held ??= [];
        _releaseAfterCommand = true;
    }

    // Called on the read loop when a command has sent its replies.
    private void ReleaseEventsHeldForCommand()
    {
        if (!_releaseAfterCommand)
            return;
        _releaseAfterCommand = false;
        ReleaseHeldEvents();
    }

    /// <summary>Runs a room send, keeping its echo back until the message is committed.</summary>
    /// <param name="room">The channel.</param>
    /// <param name="text">The text.</param>
    /// <param name="clientTags">Client-only tags to relay.</param>
    /// <param name="notice">True for a NOTICE.</param>
    /// <param name="status">A STATUSMSG prefix (<c>~</c>, <c>@</c>, <c>+</c>): only members with that status or higher get it; null for all.</param>
    /// <returns>
    /// The send's result and this connection's echo of it (<see cref="RoomSendResult.Echo"/>: the
    /// core returns it rather than delivering it), null when refused.
    /// </returns>
    public async ValueTask<(RoomSendResult Result, RoomMessageEvent? Echo)> SayAsync(string room, string text, IReadOnlyList<KeyValuePair<string, string>> clientTags, bool notice, string? status = null)
    {
        var result = status is null
            ? await Hub.Rooms.SayAsync(_session, room, text, clientTags, notice)
            : Hub.Rooms.SayToRole(_session, room, IrcChannelReplies.RoleOfPrefix(status[0]), status, text, clientTags, notice);
        return (result, result.Echo);
    }

    private bool ShouldDeliver(ChatEvent chatEvent)
    {
        switch (chatEvent)
        {
            case UserLeftEvent left:
                return SharesRoom(left.Rooms);
            case NickChangedEvent renamed:
                return SharesRoom(renamed.Rooms);
            case AwayChangedEvent:
                return Has(IrcCapabilities.AwayNotify);
            case AccountChangedEvent:
                return Has(IrcCapabilities.AccountNotify);
            case RealNameChangedEvent:
                return Has(IrcCapabilities.SetName);
            case ReadMarkerEvent:
                return Has(IrcCapabilities.ReadMarker);
            case RoomMessageRedactedEvent or DirectMessageRedactedEvent:
                // The spec's "MUST not forward" to others: no fallback (docs/irc.md).
                return Has(IrcCapabilities.MessageRedaction);
            case RoomInviteEvent { ToMembers: true }:
                return Has(IrcCapabilities.InviteNotify);
            case DirectMessageEvent dm when _sendingDirect && IsToSelf(dm):
                // A message to oneself: sent by the command after the commit, labeled when asked.
                return Interlocked.CompareExchange(ref _ownSelfMessage, dm, null) is not null;
            default:
                return true;
        }
    }

    private bool SharesRoom(IReadOnlyList<string> rooms)
    {
        foreach (var room in rooms)
        {
            if (_session.IsInRoom(room))
                return true;
        }

        return false;
    }
}

using Parley.Core.Events;
using Parley.Core.Rooms;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line;

/// <summary>Encodes chat events as line-protocol lines (docs/protocol.md, "Server to client").</summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal sealed class LineEventEncoder : IEventEncoder
{
    public static LineEventEncoder Instance { get; } = new();

    // Reserved at start-up (EncoderSlots): a field read per delivery, as fast as the constant was.
    private readonly int _slot = EncoderSlots.Line;

    public int Slot => _slot;

    public byte[] Encode(ChatEvent chatEvent) => chatEvent switch
    {
        RoomMessageEvent { IsEcho: false } said => LineWriter.RoomMessage(said.Room, said.Message.From, LineText.Render(said.Message.From, said.Message.Text)),
        RoomMessageEvent { Message: var m } => LineWriter.Echo(m.Id, m.Time, m.From, m.Room, LineText.Render(m.From, m.Text)),
        RoomTagMessageEvent => [],
        // The line protocol has no redaction notice: /history simply no longer returns the message.
        RoomMessageRedactedEvent => [],
        RoomInviteEvent { ToMembers: true } => [],
        RoomEvent roomEvent => LineWriter.RoomNotice(roomEvent.Room, DescribeRoomEvent(roomEvent)),
        DirectMessageEvent dm => LineWriter.Direct(dm.From, LineText.Render(dm.From, dm.Text)),
        BroadcastEvent bm => LineWriter.Broadcast(bm.From, LineText.Render(bm.From, bm.Text)),
        UserJoinedEvent joined => LineWriter.System($"{joined.Nick} joined"),
        UserLeftEvent { Quit: true, Reason: null } left => LineWriter.System($"{left.Nick} left"),
        UserLeftEvent { Quit: true } left => LineWriter.System($"{left.Nick} left ({LineText.Strip(left.Reason!)})"),
        UserLeftEvent left => LineWriter.System($"{left.Nick} dropped ({LineText.Strip(left.Reason ?? "connection closed")})"),
        NickChangedEvent renamed => LineWriter.System($"{renamed.OldNick} is now {renamed.NewNick}"),
        PresenceSummaryEvent summary => LineWriter.System(Summarise(summary)),
        ServerNoticeEvent notice => LineWriter.System(notice.Text),
        MissedMessageEvent { Message: var m } => LineWriter.Missed(m.Id, m.SentUtc, m.From, m.To, LineText.Render(m.From, m.Text)),
        EchoEvent { Message: var m } => LineWriter.Echo(m.Id, m.SentUtc, m.From, m.To, LineText.Render(m.From, m.Text)),
        _ => [],
    };

    // The text after "ROOM #room " (docs/protocol.md, "Room notices").
    private static string DescribeRoomEvent(RoomEvent roomEvent) => roomEvent switch
    {
        RoomMemberJoinedEvent joined => $"{joined.Nick} joined",
        RoomMemberLeftEvent left => left.Kind switch
        {
            RoomLeaveKind.Parted => $"{left.Nick} left{Reason(left.Reason)}",
            RoomLeaveKind.Quit => $"{left.Nick} quit{Reason(left.Reason)}",
            RoomLeaveKind.Kicked => $"{left.Nick} was kicked by {left.By}{Reason(left.Reason)}",
            _ => $"{left.Nick} dropped{Reason(left.Reason ?? "connection closed")}",
        },
        RoomTopicChangedEvent { Text: null } topic => $"{topic.By} cleared the topic",
        RoomTopicChangedEvent topic => $"{topic.By} set the topic: {LineText.Strip(topic.Text)}",
        RoomModeChangedEvent { Limit: { } limit } mode => $"{mode.By} set mode {mode.Change} (limit {limit})",
        RoomModeChangedEvent mode => $"{mode.By} set mode {mode.Change}",
        RoomRoleChangedEvent role => $"{role.By} {(role.Granted ? "gave" : "took")} {(role.Role == MemberRole.Op ? "op" : "voice")} {(role.Granted ? "to" : "from")} {role.Target}",
        RoomBanChangedEvent { List: RoomList.Exceptions } entry => $"{entry.By} {(entry.Added ? "added" : "removed")} ban exception {entry.Mask}",
        RoomBanChangedEvent { List: RoomList.InviteExceptions } entry => $"{entry.By} {(entry.Added ? "added" : "removed")} invite exception {entry.Mask}",
        RoomBanChangedEvent { List: RoomList.Mutes } entry => $"{entry.By} {(entry.Added ? "muted" : "unmuted")} {entry.Mask}",
        RoomBanChangedEvent { Added: true } ban => $"{ban.By} banned {ban.Mask}",
        RoomBanChangedEvent ban => $"{ban.By} unbanned {ban.Mask}",
        RoomRegistrationChangedEvent { Registered: true } registered => $"{registered.By} registered the room to their account",
        RoomRegistrationChangedEvent unregistered => $"{unregistered.By} unregistered the room",
        RoomInviteEvent invite => $"{invite.By} invited you; /join {invite.Room}",
        _ => "",
    };

    // "312 users left: a, b, c, d, e, f, g, h, i, j and 302 more" (docs/protocol.md, "Presence").
    private static string Summarise(PresenceSummaryEvent summary)
    {
        var verb = summary.Joined ? "joined" : "left";
        var rest = summary.Count - summary.Nicks.Count;
        var names = string.Join(", ", summary.Nicks);
        return rest > 0 ? $"{summary.Count} users {verb}: {names} and {rest} more" : $"{summary.Count} users {verb}: {names}";
    }

    private static string Reason(string? reason) => reason is null ? "" : $" ({LineText.Strip(reason)})";
}

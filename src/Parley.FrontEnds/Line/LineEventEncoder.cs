using Parley.Core.Events;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line;

/// <summary>Encodes chat events as line-protocol lines (docs/protocol.md, "Server to client").</summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal sealed class LineEventEncoder : IEventEncoder
{
    public static LineEventEncoder Instance { get; } = new();

    public int Slot => 0;

    public byte[] Encode(ChatEvent chatEvent) => chatEvent switch
    {
        DirectMessageEvent dm => LineWriter.Direct(dm.From, dm.Text),
        BroadcastEvent bm => LineWriter.Broadcast(bm.From, bm.Text),
        UserJoinedEvent joined => LineWriter.System($"{joined.Nick} joined"),
        UserLeftEvent { Quit: true, Reason: null } left => LineWriter.System($"{left.Nick} left"),
        UserLeftEvent { Quit: true } left => LineWriter.System($"{left.Nick} left ({left.Reason})"),
        UserLeftEvent left => LineWriter.System($"{left.Nick} dropped ({left.Reason ?? "connection closed"})"),
        NickChangedEvent renamed => LineWriter.System($"{renamed.OldNick} is now {renamed.NewNick}"),
        ServerNoticeEvent notice => LineWriter.System(notice.Text),
        MissedMessageEvent { Message: var m } => LineWriter.Missed(m.Id, m.SentUtc, m.From, m.To, m.Text),
        EchoEvent { Message: var m } => LineWriter.Echo(m.Id, m.SentUtc, m.From, m.To, m.Text),
        _ => [],
    };
}

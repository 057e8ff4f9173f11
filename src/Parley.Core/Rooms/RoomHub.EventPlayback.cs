namespace Parley.Core.Rooms;

public sealed partial class RoomHub
{
    // IRCv3 draft/event-playback: joins, parts, quits, kicks and topic changes are kept in the
    // room's history beside its messages. Queued to the store and never awaited: a join (or a join
    // storm) never waits for the disk; a failed write is logged by the store and only loses the entry.
    private void RecordEvent(Room room, RoomEntryKind kind, string from, string? text, string? target = null)
    {
        // A room that emptied and closed has had its history dropped: keep nothing for it.
        if (room.IsClosed)
            return;
        var entry = new RoomMessage(_ids.NextRoomMessageId(), room.Name, from, text ?? "", _time.GetUtcNow()) { Kind = kind, Target = target };
        _history.AppendEvent(entry);
    }
}

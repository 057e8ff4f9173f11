using Parley.Core.Rooms;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>Inserts one room event (draft/event-playback) with its id.</summary>
internal sealed class InsertRoomEventOp(RoomMessage entry) : WriteOp<bool>
{
    public override void Execute(WriterStatements statements)
    {
        statements.RoomEvents.Insert(entry);
        Value = true;
    }
}

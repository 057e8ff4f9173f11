using Parley.Core.Rooms;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>Inserts one room message with its id.</summary>
internal sealed class InsertRoomMessageOp(RoomMessage message) : WriteOp<bool>
{
    public override void Execute(WriterStatements statements)
    {
        statements.Rooms.InsertMessage(message);
        Value = true;
    }
}

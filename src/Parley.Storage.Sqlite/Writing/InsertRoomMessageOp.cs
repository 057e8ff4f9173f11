using Parley.Core.Rooms;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>Inserts one room message with its id.</summary>
internal sealed class InsertRoomMessageOp(RoomMessage message) : WriteOp<bool>
{
    // Only the sender's acknowledgement waits for it: delivery to online recipients never waits for the commit (ChatHub, RoomHub).
    public override bool MayWaitForCompany => true;

    public override void Execute(WriterStatements statements)
    {
        statements.Rooms.InsertMessage(message);
        Value = true;
    }
}

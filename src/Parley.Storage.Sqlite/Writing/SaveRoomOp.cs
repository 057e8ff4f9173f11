using Parley.Core.Rooms;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>Creates or replaces a registered room with its bans.</summary>
internal sealed class SaveRoomOp(RegisteredRoom room) : WriteOp<bool>
{
    public override void Execute(WriterStatements statements)
    {
        statements.Rooms.SaveRoom(room);
        Value = true;
    }
}

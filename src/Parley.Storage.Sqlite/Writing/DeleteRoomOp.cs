namespace Parley.Storage.Sqlite.Writing;

/// <summary>Forgets a room that is no longer registered (its row and bans).</summary>
internal sealed class DeleteRoomOp(string name) : WriteOp<bool>
{
    public override void Execute(WriterStatements statements)
    {
        statements.Rooms.DeleteRoom(name);
        Value = true;
    }
}

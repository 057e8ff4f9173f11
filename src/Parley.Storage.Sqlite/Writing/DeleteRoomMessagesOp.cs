namespace Parley.Storage.Sqlite.Writing;

/// <summary>
/// Deletes room messages: one room's (<paramref name="room"/>, when an unregistered room closed),
/// or every room's that is not registered (null, at start-up).
/// </summary>
internal sealed class DeleteRoomMessagesOp(string? room) : WriteOp<int>
{
    public override void Execute(WriterStatements statements) =>
        Value = room is null ? statements.Rooms.DeleteOrphanMessages() : statements.Rooms.DeleteMessages(room);
}

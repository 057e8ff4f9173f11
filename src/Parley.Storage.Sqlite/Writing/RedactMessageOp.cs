namespace Parley.Storage.Sqlite.Writing;

/// <summary>Deletes one redacted message: a room's (<paramref name="room"/> set) or a direct one (null).</summary>
internal sealed class RedactMessageOp(string? room, long id) : WriteOp<int>
{
    public override void Execute(WriterStatements statements) =>
        Value = room is null ? statements.Redaction.DeleteMessage(id) : statements.Redaction.DeleteRoomMessage(room, id);
}

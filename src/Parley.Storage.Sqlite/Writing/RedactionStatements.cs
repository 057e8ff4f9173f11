using Microsoft.Data.Sqlite;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>The writer's prepared statements for redaction: one message out of <c>messages</c> or <c>room_messages</c>.</summary>
/// <remarks>Used only on the writer thread.</remarks>
internal sealed class RedactionStatements : IDisposable
{
    private readonly SqliteCommand _deleteMessage;
    private readonly SqliteCommand _deleteRoomMessage;

    public RedactionStatements(SqliteConnection connection)
    {
        _deleteMessage = WriterStatements.Create(connection, "DELETE FROM messages WHERE id = $id", "$id");
        _deleteRoomMessage = WriterStatements.Create(connection, "DELETE FROM room_messages WHERE id = $id AND room_key = $key", "$id", "$key");
    }

    public void Begin(SqliteTransaction transaction)
    {
        _deleteMessage.Transaction = transaction;
        _deleteRoomMessage.Transaction = transaction;
    }

    /// <summary>Deletes a direct message or broadcast; returns how many rows (0 or 1).</summary>
    public int DeleteMessage(long id)
    {
        _deleteMessage.Parameters[0].Value = id;
        return _deleteMessage.ExecuteNonQuery();
    }

    /// <summary>Deletes one message of one room; returns how many rows (0 or 1).</summary>
    public int DeleteRoomMessage(string room, long id)
    {
        _deleteRoomMessage.Parameters[0].Value = id;
        _deleteRoomMessage.Parameters[1].Value = RoomKey.Of(room);
        return _deleteRoomMessage.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _deleteMessage.Dispose();
        _deleteRoomMessage.Dispose();
    }
}

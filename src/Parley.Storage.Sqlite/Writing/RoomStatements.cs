using Microsoft.Data.Sqlite;
using Parley.Core.Rooms;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>
/// The writer's prepared statements for rooms: registered rooms with their bans, and room
/// messages. Made once on the writer's connection; every value is a bound parameter.
/// </summary>
/// <remarks>Used only on the writer thread.</remarks>
internal sealed class RoomStatements : IDisposable
{
    private readonly SqliteCommand _upsertRoom;
    private readonly SqliteCommand _deleteRoom;
    private readonly SqliteCommand _deleteBans;
    private readonly SqliteCommand _insertBan;
    private readonly RawStatement _insertMessage;
    private readonly SqliteCommand _deleteMessages;
    private readonly SqliteCommand _deleteOrphanMessages;

    public RoomStatements(SqliteConnection connection)
    {
        _upsertRoom = WriterStatements.Create(connection,
            """
            INSERT INTO rooms (name_key, name, owner_account, modes, join_key, topic, topic_set_by, topic_set_utc, created_utc, member_limit)
            VALUES ($key, $name, $owner, $modes, $joinKey, $topic, $topicBy, $topicAt, $created, $limit)
            ON CONFLICT (name_key) DO UPDATE SET
                name = excluded.name, owner_account = excluded.owner_account, modes = excluded.modes,
                join_key = excluded.join_key, topic = excluded.topic, topic_set_by = excluded.topic_set_by,
                topic_set_utc = excluded.topic_set_utc, member_limit = excluded.member_limit
            """,
            "$key", "$name", "$owner", "$modes", "$joinKey", "$topic", "$topicBy", "$topicAt", "$created", "$limit");
        _deleteRoom = WriterStatements.Create(connection, "DELETE FROM rooms WHERE name_key = $key", "$key");
        _deleteBans = WriterStatements.Create(connection, "DELETE FROM room_bans WHERE room_key = $key", "$key");
        _insertBan = WriterStatements.Create(connection,
            """
            INSERT INTO room_bans (room_key, mask_key, mask, set_by, set_utc) VALUES ($key, $maskKey, $mask, $by, $at)
            ON CONFLICT (room_key, mask_key) DO NOTHING
            """,
            "$key", "$maskKey", "$mask", "$by", "$at");
        // The hot insert (every room message): compiled once, bound by position.
        _insertMessage = new RawStatement(connection,
            """
            INSERT INTO room_messages (id, room_key, room, from_nick, from_account, text, sent_utc)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """);
        _deleteMessages = WriterStatements.Create(connection, "DELETE FROM room_messages WHERE room_key = $key", "$key");
        _deleteOrphanMessages = WriterStatements.Create(connection,
            "DELETE FROM room_messages WHERE room_key NOT IN (SELECT name_key FROM rooms)");
    }

    /// <summary>Enlists every statement in the batch's transaction.</summary>
    public void Begin(SqliteTransaction transaction)
    {
        _upsertRoom.Transaction = transaction;
        _deleteRoom.Transaction = transaction;
        _deleteBans.Transaction = transaction;
        _insertBan.Transaction = transaction;
        _deleteMessages.Transaction = transaction;
        _deleteOrphanMessages.Transaction = transaction;
    }

    /// <summary>Creates or replaces a registered room's row and its bans.</summary>
    public void SaveRoom(RegisteredRoom room)
    {
        var key = RoomKey.Of(room.Name);
        var p = _upsertRoom.Parameters;
        p[0].Value = key;
        p[1].Value = room.Name;
        p[2].Value = room.OwnerAccountId;
        p[3].Value = (int)room.Modes;
        p[4].Value = (object?)room.Key ?? DBNull.Value;
        p[5].Value = (object?)room.Topic?.Text ?? DBNull.Value;
        p[6].Value = (object?)room.Topic?.SetBy ?? DBNull.Value;
        p[7].Value = room.Topic is { } topic ? topic.SetAt.ToUnixTimeMilliseconds() : DBNull.Value;
        p[8].Value = room.CreatedAt.ToUnixTimeMilliseconds();
        p[9].Value = room.Limit;
        _upsertRoom.ExecuteNonQuery();

        _deleteBans.Parameters[0].Value = key;
        _deleteBans.ExecuteNonQuery();
        InsertMasks(key, RoomList.Bans, room.Bans);
        foreach (var (list, masks) in room.Lists)
            InsertMasks(key, list, masks);
    }

    // One list's masks into room_bans, prefixed by list (RoomListMasks).
    private void InsertMasks(string key, RoomList list, IReadOnlyList<Parley.Core.Moderation.BanMask> masks)
    {
        foreach (var ban in masks)
        {
            var stored = RoomListMasks.Encode(list, ban.Mask);
            var b = _insertBan.Parameters;
            b[0].Value = key;
            b[1].Value = stored.ToLowerInvariant();
            b[2].Value = stored;
            b[3].Value = ban.SetBy;
            b[4].Value = ban.SetAt.ToUnixTimeMilliseconds();
            _insertBan.ExecuteNonQuery();
        }
    }

    /// <summary>Deletes a room's row and bans (its messages stay until the room closes).</summary>
    public void DeleteRoom(string name)
    {
        var key = RoomKey.Of(name);
        _deleteRoom.Parameters[0].Value = key;
        _deleteRoom.ExecuteNonQuery();
        _deleteBans.Parameters[0].Value = key;
        _deleteBans.ExecuteNonQuery();
    }

    public void InsertMessage(RoomMessage message)
    {
        var s = _insertMessage;
        s.Bind(1, message.Id);
        s.Bind(2, RoomKey.Of(message.Room));
        s.Bind(3, message.Room);
        s.Bind(4, message.From);
        s.Bind(5, message.FromAccountId);
        s.Bind(6, message.Text);
        s.Bind(7, message.Time.ToUnixTimeMilliseconds());
        s.Execute();
    }

    /// <summary>Deletes every message of one room; returns how many.</summary>
    public int DeleteMessages(string room)
    {
        _deleteMessages.Parameters[0].Value = RoomKey.Of(room);
        return _deleteMessages.ExecuteNonQuery();
    }

    /// <summary>Deletes the messages of rooms that are not registered; returns how many.</summary>
    public int DeleteOrphanMessages() => _deleteOrphanMessages.ExecuteNonQuery();

    public void Dispose()
    {
        _upsertRoom.Dispose();
        _deleteRoom.Dispose();
        _deleteBans.Dispose();
        _insertBan.Dispose();
        _insertMessage.Dispose();
        _deleteMessages.Dispose();
        _deleteOrphanMessages.Dispose();
    }
}

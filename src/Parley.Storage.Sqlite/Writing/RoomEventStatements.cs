using Parley.Core.Rooms;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>
/// The writer's insert for room events (joins, parts, quits, kicks, topics; draft/event-playback),
/// beside the room-message insert: compiled once, bound by position, as hot as a join.
/// </summary>
/// <remarks>Used only on the writer thread.</remarks>
internal sealed class RoomEventStatements(Microsoft.Data.Sqlite.SqliteConnection connection) : IDisposable
{
    private readonly RawStatement _insert = new(connection,
        """
        INSERT INTO room_messages (id, room_key, room, from_nick, from_account, text, sent_utc, kind, target)
        VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, ?8)
        """);

    public void Insert(RoomMessage entry)
    {
        var s = _insert;
        s.Bind(1, entry.Id);
        s.Bind(2, RoomKey.Of(entry.Room));
        s.Bind(3, entry.Room);
        s.Bind(4, entry.From);
        s.Bind(5, entry.Text);
        s.Bind(6, entry.Time.ToUnixTimeMilliseconds());
        s.Bind(7, (long)entry.Kind);
        s.Bind(8, entry.Target);
        s.Execute();
    }

    public void Dispose() => _insert.Dispose();
}

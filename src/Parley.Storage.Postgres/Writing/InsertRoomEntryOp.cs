using Parley.Core.Rooms;

namespace Parley.Storage.Postgres.Writing;

/// <summary>
/// Inserts one room message (<paramref name="isEvent"/> false: stored as a message whatever its
/// kind) or event with its id; queued in the batch's pipeline (no round trip of its own).
/// </summary>
internal sealed class InsertRoomEntryOp(RoomMessage entry, bool isEvent) : WriteOp<bool>
{
    // ON CONFLICT: a batch retried after a commit whose answer was lost must not fail on its own rows.
    private const string Sql =
        """
        INSERT INTO room_messages (id, room_key, room, from_nick, from_account, text, sent_utc, kind, target)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING
        """;

    public override void Execute(WriteContext context)
    {
        var p = context.Queue(Sql).Parameters;
        p.Add(Parameters.Long(entry.Id));
        p.Add(Parameters.Text(RoomKey.Of(entry.Room)));
        p.Add(Parameters.Text(entry.Room));
        p.Add(Parameters.Text(entry.From));
        // An event's actor is kept by nick only, as in SQLite.
        p.Add(Parameters.Long(isEvent ? null : entry.FromAccountId));
        p.Add(Parameters.Text(entry.Text));
        p.Add(Parameters.Long(entry.Time.ToUnixTimeMilliseconds()));
        p.Add(Parameters.Int(isEvent ? (int)entry.Kind : (int)RoomEntryKind.Message));
        p.Add(Parameters.Text(isEvent ? entry.Target : null));
        Value = true;
    }
}

using Parley.Core.Messages;

namespace Parley.Storage.Postgres.Writing;

/// <summary>Inserts one direct message or broadcast with its pre-assigned id; queued in the batch's pipeline (no round trip of its own).</summary>
internal sealed class InsertMessageOp(long id, NewMessage message) : WriteOp<bool>
{
    // ON CONFLICT: a batch retried after a commit whose answer was lost must not fail on its own rows.
    private const string Sql =
        """
        INSERT INTO messages (id, kind, sent_utc, from_nick, from_key, from_account, to_nick, to_key, to_account, text, delivered)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING
        """;

    public override void Execute(WriteContext context)
    {
        var p = context.Queue(Sql).Parameters;
        p.Add(Parameters.Long(id));
        p.Add(Parameters.Int((int)message.Kind));
        p.Add(Parameters.Long(message.SentUtc.ToUnixTimeMilliseconds()));
        p.Add(Parameters.Text(message.From));
        p.Add(Parameters.Text(NickKey.Of(message.From)));
        p.Add(Parameters.Long(message.FromAccountId));
        p.Add(Parameters.Text(message.To));
        p.Add(Parameters.Text(message.To is null ? null : NickKey.Of(message.To)));
        p.Add(Parameters.Long(message.ToAccountId));
        p.Add(Parameters.Text(message.Text));
        p.Add(Parameters.Bool(message.Delivered));
        Value = true;
    }
}

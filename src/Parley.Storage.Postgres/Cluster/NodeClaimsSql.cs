using Npgsql;
using Parley.Storage.Postgres.Writing;

namespace Parley.Storage.Postgres.Cluster;

/// <summary>
/// The statements the nodes' leases and the nick space share: freeing every claim a node holds,
/// and the notifications that keep each node's view of the nick space current.
/// </summary>
internal static class NodeClaimsSql
{
    /// <summary>The LISTEN/NOTIFY channel of nick claims.</summary>
    public const string Channel = "parley_nicks";

    /// <summary>The advisory lock (transaction-scoped) under which nodes are leased, swept and freed: "PaNo".</summary>
    public const long NodesLock = 0x50614E6F;

    /// <summary>
    /// A notification payload in SQL, from a row with <c>nick_key</c>, <c>nick</c>,
    /// <c>account_id</c>, <c>account_name</c>: <c>kind TAB node TAB key TAB nick TAB account TAB name</c>.
    /// Kind <c>h</c>: the claim is held with these values; <c>f</c>: it is free.
    /// </summary>
    public static string Payload(string kind, string nodeParameter, string row) =>
        $"concat_ws(E'\\t', '{kind}', {nodeParameter}::text, {row}.nick_key, {row}.nick, coalesce({row}.account_id::text, ''), coalesce({row}.account_name, ''))";

    // Deletes the node's holder rows, then every claim left without a holder, notifying each one
    // freed (as the node's: a view skips only its own node's notifications).
    private static readonly string FreeSql = $"""
        WITH gone AS (DELETE FROM nick_holders WHERE node = $1 RETURNING nick_key),
        freed AS (
            DELETE FROM nick_claims c
            WHERE c.nick_key IN (SELECT nick_key FROM gone)
              AND NOT EXISTS (SELECT 1 FROM nick_holders h WHERE h.nick_key = c.nick_key AND h.node <> $1)
            RETURNING c.nick_key, c.nick, c.account_id, c.account_name)
        SELECT f.nick, pg_notify('{Channel}', {Payload("f", "$1", "f")}) FROM freed f
        """;

    /// <summary>Frees every claim <paramref name="node"/> holds alone and deletes its holder rows; returns the nicks freed, as shown.</summary>
    public static async Task<List<string>> FreeNodeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string node, CancellationToken cancellationToken)
    {
        var freed = new List<string>();
        await using (var command = new NpgsqlCommand(FreeSql, connection, transaction))
        {
            command.Parameters.Add(Parameters.Text(node));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                freed.Add(reader.GetString(0));
        }

        return freed;
    }

    /// <summary>Takes the nodes lock for the rest of the transaction.</summary>
    public static async Task LockNodesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction);
        command.Parameters.Add(Parameters.Long(NodesLock));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using Microsoft.Data.Sqlite;
using Parley.Core.Moderation;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>The writer's prepared statements for server-wide bans (<c>server_bans</c>).</summary>
/// <remarks>Used only on the writer thread.</remarks>
internal sealed class ServerBanStatements : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _delete;

    public ServerBanStatements(SqliteConnection connection)
    {
        _insert = WriterStatements.Create(connection,
            """
            INSERT INTO server_bans (mask_key, mask, set_by, set_utc, reason) VALUES ($key, $mask, $by, $at, $reason)
            ON CONFLICT (mask_key) DO NOTHING
            """,
            "$key", "$mask", "$by", "$at", "$reason");
        _delete = WriterStatements.Create(connection, "DELETE FROM server_bans WHERE mask_key = $key", "$key");
    }

    public void Begin(SqliteTransaction transaction)
    {
        _insert.Transaction = transaction;
        _delete.Transaction = transaction;
    }

    /// <summary>Stores a ban; one with the same mask (any case) stays as it was.</summary>
    public void Insert(ServerBan ban)
    {
        var p = _insert.Parameters;
        p[0].Value = SqliteServerBanStore.MaskKey(ban.Mask);
        p[1].Value = ban.Mask;
        p[2].Value = ban.SetBy;
        p[3].Value = ban.SetAt.ToUnixTimeMilliseconds();
        p[4].Value = (object?)ban.Reason ?? DBNull.Value;
        _insert.ExecuteNonQuery();
    }

    /// <summary>Deletes the ban with this mask (any case).</summary>
    public void Delete(string mask)
    {
        _delete.Parameters[0].Value = SqliteServerBanStore.MaskKey(mask);
        _delete.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _delete.Dispose();
    }
}

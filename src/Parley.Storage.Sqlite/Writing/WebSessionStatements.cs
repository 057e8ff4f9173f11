using Microsoft.Data.Sqlite;
using Parley.Core.Accounts;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>The writer's prepared statements for web sessions (<c>web_sessions</c>, migration 9).</summary>
/// <remarks>Used only on the writer thread.</remarks>
internal sealed class WebSessionStatements : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _touch;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _deleteAll;
    private readonly SqliteCommand _purge;
    private readonly SqliteCommand _deleteOldest;

    public WebSessionStatements(SqliteConnection connection)
    {
        _insert = WriterStatements.Create(connection,
            """
            INSERT INTO web_sessions (token_hash, account_id, created_utc, last_used_utc, expires_utc)
            VALUES ($hash, $account, $created, $used, $expires)
            ON CONFLICT (token_hash) DO NOTHING
            """,
            "$hash", "$account", "$created", "$used", "$expires");
        _touch = WriterStatements.Create(connection,
            "UPDATE web_sessions SET last_used_utc = $used, expires_utc = $expires WHERE token_hash = $hash",
            "$used", "$expires", "$hash");
        _delete = WriterStatements.Create(connection, "DELETE FROM web_sessions WHERE token_hash = $hash", "$hash");
        _deleteAll = WriterStatements.Create(connection, "DELETE FROM web_sessions WHERE account_id = $account", "$account");
        _purge = WriterStatements.Create(connection, "DELETE FROM web_sessions WHERE expires_utc <= $now", "$now");
        // The IWebSessionStore order; LIMIT -1 is SQLite's "no limit" before an OFFSET.
        _deleteOldest = WriterStatements.Create(connection,
            """
            DELETE FROM web_sessions WHERE token_hash IN (
                SELECT token_hash FROM web_sessions WHERE account_id = $account
                ORDER BY last_used_utc DESC, created_utc DESC, token_hash LIMIT -1 OFFSET $keep)
            RETURNING token_hash
            """,
            "$account", "$keep");
    }

    public void Begin(SqliteTransaction transaction)
    {
        _insert.Transaction = transaction;
        _touch.Transaction = transaction;
        _delete.Transaction = transaction;
        _deleteAll.Transaction = transaction;
        _purge.Transaction = transaction;
        _deleteOldest.Transaction = transaction;
    }

    /// <summary>Inserts the session; false when its hash exists already (nothing changes).</summary>
    public bool Insert(WebSession session)
    {
        var p = _insert.Parameters;
        p[0].Value = session.TokenHash;
        p[1].Value = session.AccountId;
        p[2].Value = session.CreatedUtc.ToUnixTimeMilliseconds();
        p[3].Value = session.LastUsedUtc.ToUnixTimeMilliseconds();
        p[4].Value = session.ExpiresUtc.ToUnixTimeMilliseconds();
        return _insert.ExecuteNonQuery() == 1;
    }

    public bool Touch(string tokenHash, DateTimeOffset lastUsedUtc, DateTimeOffset expiresUtc)
    {
        var p = _touch.Parameters;
        p[0].Value = lastUsedUtc.ToUnixTimeMilliseconds();
        p[1].Value = expiresUtc.ToUnixTimeMilliseconds();
        p[2].Value = tokenHash;
        return _touch.ExecuteNonQuery() == 1;
    }

    public bool Delete(string tokenHash)
    {
        _delete.Parameters[0].Value = tokenHash;
        return _delete.ExecuteNonQuery() == 1;
    }

    public int DeleteAll(long accountId)
    {
        _deleteAll.Parameters[0].Value = accountId;
        return _deleteAll.ExecuteNonQuery();
    }

    public int Purge(DateTimeOffset nowUtc)
    {
        _purge.Parameters[0].Value = nowUtc.ToUnixTimeMilliseconds();
        return _purge.ExecuteNonQuery();
    }

    /// <summary>Deletes the account's sessions but the <paramref name="keep"/> used last; returns their hashes.</summary>
    public IReadOnlyList<string> DeleteOldest(long accountId, int keep)
    {
        _deleteOldest.Parameters[0].Value = accountId;
        _deleteOldest.Parameters[1].Value = keep;
        var hashes = new List<string>();
        using var reader = _deleteOldest.ExecuteReader();
        while (reader.Read())
            hashes.Add(reader.GetString(0));
        return hashes;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _touch.Dispose();
        _delete.Dispose();
        _deleteAll.Dispose();
        _purge.Dispose();
        _deleteOldest.Dispose();
    }
}

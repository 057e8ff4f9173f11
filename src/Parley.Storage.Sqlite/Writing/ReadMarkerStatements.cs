using Microsoft.Data.Sqlite;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>The writer's prepared statement for read markers (<c>read_markers</c>).</summary>
/// <remarks>Used only on the writer thread.</remarks>
internal sealed class ReadMarkerStatements : IDisposable
{
    private readonly SqliteCommand _set;

    public ReadMarkerStatements(SqliteConnection connection) =>
        // MAX in the upsert: a marker never moves backwards, whatever order two devices' sets arrive in.
        _set = WriterStatements.Create(connection,
            """
            INSERT INTO read_markers (account_id, target_key, read_utc) VALUES ($account, $key, $at)
            ON CONFLICT (account_id, target_key) DO UPDATE SET read_utc = MAX(read_utc, excluded.read_utc)
            RETURNING read_utc
            """,
            "$account", "$key", "$at");

    public void Begin(SqliteTransaction transaction) => _set.Transaction = transaction;

    /// <summary>Moves the marker forward to <paramref name="readUtc"/> (Unix ms); returns the marker after it.</summary>
    public long Set(long accountId, string targetKey, long readUtc)
    {
        var p = _set.Parameters;
        p[0].Value = accountId;
        p[1].Value = targetKey;
        p[2].Value = readUtc;
        return (long)_set.ExecuteScalar()!;
    }

    public void Dispose() => _set.Dispose();
}

using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>
/// One statement compiled once on the writer's connection and run many times, binding values
/// by position. The hot inserts use it instead of <see cref="SqliteCommand"/>, whose every
/// execution enumerates its statements, looks each parameter's index up by name and boxes the
/// values (the writer's profile was dominated by that, not by SQLite).
/// </summary>
/// <remarks>Used only on the writer thread. Positions are 1-based, as in SQLite.</remarks>
internal sealed class RawStatement : IDisposable
{
    // Text up to this many UTF-8 bytes is encoded on the stack; longer text rents a buffer.
    private const int StackTextBytes = 512;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Bind(int position, long value) => Check(raw.sqlite3_bind_int64(_statement, position, value));

    public void BindNull(int position) => Check(raw.sqlite3_bind_null(_statement, position));

    public void Bind(int position, long? value)
    {
        if (value is { } v)
            Bind(position, v);
        else
            BindNull(position);
    }

    public void Bind(int position, string? value)
    {
        if (value is null)
        {
            BindNull(position);
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = max <= StackTextBytes ? stackalloc byte[StackTextBytes] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(value, buffer);
            // SQLitePCL binds spans as SQLITE_TRANSIENT: SQLite copies the bytes before returning.
            Check(raw.sqlite3_bind_text(_statement, position, buffer[..length]));
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Runs the statement to completion (no rows expected) and resets it for the next use.</summary>
    /// <returns>Rows changed.</returns>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
            SqliteException.ThrowExceptionForRC(rc, _db);
        return raw.sqlite3_changes(_db);
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(rc, _db);
    }
}

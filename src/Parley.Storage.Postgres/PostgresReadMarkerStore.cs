using Parley.Core.ReadMarkers;
using Parley.Storage.Postgres.Writing;

namespace Parley.Storage.Postgres;

/// <summary>Read markers in PostgreSQL (<c>read_markers</c>, migration 7), so MARKREAD outlives a restart.</summary>
/// <remarks>Thread-safe. A marker only moves forward (GREATEST in the upsert), whatever order two devices' sets arrive in, on any node.</remarks>
public sealed class PostgresReadMarkerStore : IReadMarkerStore
{
    private readonly PostgresDatabase _database;

    /// <summary>Creates the store over an open database.</summary>
    /// <param name="database">The database.</param>
    public PostgresReadMarkerStore(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask<DateTimeOffset?> GetAsync(long accountId, string target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        // Read-your-writes: a marker set (and answered) a moment ago is seen.
        await _database.Writer.FlushAsync(cancellationToken);
        var key = target.ToLowerInvariant();
        return await _database.ReadAsync<DateTimeOffset?>(async (connection, ct) =>
        {
            await using var command = Commands.Create(connection, "SELECT read_utc FROM read_markers WHERE account_id = $1 AND target_key = $2",
                Parameters.Long(accountId), Parameters.Text(key));
            return await command.ExecuteScalarAsync(ct) is long ms ? Commands.Time(ms) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset> SetAsync(long accountId, string target, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(target);
        var key = target.ToLowerInvariant();
        var op = new DelegateWriteOp<long>(context => (long)context.Scalar(
            """
            INSERT INTO read_markers (account_id, target_key, read_utc) VALUES ($1, $2, $3)
            ON CONFLICT (account_id, target_key) DO UPDATE SET read_utc = GREATEST(read_markers.read_utc, excluded.read_utc)
            RETURNING read_utc
            """,
            Parameters.Long(accountId), Parameters.Text(key), Parameters.Long(time.ToUnixTimeMilliseconds()))!);
        _database.Writer.Enqueue(op);
        return Commands.Time(await op.Result);
    }
}

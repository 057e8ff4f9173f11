using Parley.Core.ReadMarkers;
using Parley.Storage.Sqlite.Writing;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Read markers in the database (<c>read_markers</c>, migration 7), so MARKREAD outlives a
/// restart. Reads use a pooled connection; writes go through the one writer.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SqliteReadMarkerStore : IReadMarkerStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over an open database.</summary>
    /// <param name="database">The database.</param>
    public SqliteReadMarkerStore(SqliteDatabase database)
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
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT read_utc FROM read_markers WHERE account_id = $account AND target_key = $key";
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$key", target.ToLowerInvariant());
        return command.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset> SetAsync(long accountId, string target, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(target);
        var op = new SetReadMarkerOp(accountId, target.ToLowerInvariant(), time.ToUnixTimeMilliseconds());
        _database.Writer.Enqueue(op);
        return DateTimeOffset.FromUnixTimeMilliseconds(await op.Result);
    }
}

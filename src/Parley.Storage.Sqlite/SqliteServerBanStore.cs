using Parley.Core.Moderation;
using Parley.Storage.Sqlite.Writing;

namespace Parley.Storage.Sqlite;

/// <summary>
/// The server-wide ban list in the database (<c>server_bans</c>), so <c>/ban</c> outlives a
/// restart. Reads use a pooled connection; writes go through the one writer.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SqliteServerBanStore : IServerBanStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over an open database.</summary>
    /// <param name="database">The database.</param>
    public SqliteServerBanStore(SqliteDatabase database) => _database = database;

    /// <inheritdoc />
    /// <remarks>Reads on the calling thread and completes synchronously.</remarks>
    public ValueTask<IReadOnlyList<ServerBan>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT mask, set_by, set_utc, reason FROM server_bans ORDER BY set_utc, mask_key";
        using var reader = command.ExecuteReader();
        var bans = new List<ServerBan>();
        while (reader.Read())
        {
            bans.Add(new ServerBan(
                reader.GetString(0),
                reader.GetString(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return ValueTask.FromResult<IReadOnlyList<ServerBan>>(bans);
    }

    /// <inheritdoc />
    public Task SaveAsync(ServerBan ban)
    {
        ArgumentNullException.ThrowIfNull(ban);
        var op = new SaveServerBanOp(ban);
        _database.Writer.Enqueue(op);
        return op.Completion;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var op = new DeleteServerBanOp(mask);
        _database.Writer.Enqueue(op);
        return op.Completion;
    }

    // Masks compare without case (ServerBanList), so the key is the lower-case mask.
    internal static string MaskKey(string mask) => mask.ToLowerInvariant();
}

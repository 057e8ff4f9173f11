using Parley.Core.Moderation;
using Parley.Storage.Postgres.Writing;

namespace Parley.Storage.Postgres;

/// <summary>The server-wide ban list in PostgreSQL (<c>server_bans</c>), so <c>/ban</c> outlives a restart.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class PostgresServerBanStore : IServerBanStore
{
    private readonly PostgresDatabase _database;

    /// <summary>Creates the store over an open database.</summary>
    /// <param name="database">The database.</param>
    public PostgresServerBanStore(PostgresDatabase database) => _database = database;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ServerBan>> LoadAllAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyList<ServerBan>>(async (connection, ct) =>
        {
            await using var command = Commands.Create(connection, "SELECT mask, set_by, set_utc, reason FROM server_bans ORDER BY set_utc, mask_key");
            await using var reader = await command.ExecuteReaderAsync(ct);
            var bans = new List<ServerBan>();
            while (await reader.ReadAsync(ct))
                bans.Add(new ServerBan(reader.GetString(0), reader.GetString(1), Commands.Time(reader.GetInt64(2)), reader.IsDBNull(3) ? null : reader.GetString(3)));
            return bans;
        }, cancellationToken);

    /// <inheritdoc />
    /// <remarks>A ban with the same mask (any case) stays as it was.</remarks>
    public Task SaveAsync(ServerBan ban)
    {
        ArgumentNullException.ThrowIfNull(ban);
        var op = new DelegateWriteOp<int>(context => context.Execute(
            "INSERT INTO server_bans (mask_key, mask, set_by, set_utc, reason) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (mask_key) DO NOTHING",
            Parameters.Text(MaskKey(ban.Mask)), Parameters.Text(ban.Mask), Parameters.Text(ban.SetBy), Parameters.Long(ban.SetAt.ToUnixTimeMilliseconds()), Parameters.Text(ban.Reason)));
        _database.Writer.Enqueue(op);
        return op.Completion;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var op = new DelegateWriteOp<int>(context => context.Execute("DELETE FROM server_bans WHERE mask_key = $1", Parameters.Text(MaskKey(mask))));
        _database.Writer.Enqueue(op);
        return op.Completion;
    }

    // Masks compare without case (ServerBanList), so the key is the lower-case mask.
    private static string MaskKey(string mask) => mask.ToLowerInvariant();
}

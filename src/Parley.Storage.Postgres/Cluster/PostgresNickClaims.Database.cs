using Npgsql;
using Parley.Core.Cluster;
using Parley.Storage.Postgres.Writing;

namespace Parley.Storage.Postgres.Cluster;

public sealed partial class PostgresNickClaims
{
    private const string ClaimSql = "INSERT INTO nick_claims (nick_key, nick, account_id, account_name) VALUES ($1, $2, $3, $4) ON CONFLICT (nick_key) DO NOTHING";
    private const string HolderSql = "INSERT INTO nick_holders (nick_key, node) VALUES ($1, $2) ON CONFLICT DO NOTHING";
    private const string LockClaimSql = "SELECT account_id FROM nick_claims WHERE nick_key = $1 FOR UPDATE";
    private const string NotifySql = "SELECT pg_notify('" + NodeClaimsSql.Channel + "', $1)";

    // The claims of `account` (or every claim, for null) held by another node than this one.
    private const string HeldElsewhereSql = """
        SELECT c.nick, c.account_id, c.account_name FROM nick_claims c
        WHERE ($1::bigint IS NULL OR c.account_id = $1)
          AND EXISTS (SELECT 1 FROM nick_holders h WHERE h.nick_key = c.nick_key AND h.node <> $2)
        """;

    // One operation at a time, in the order queued: a release before a claim of the same nick is
    // in the database first.
    private async Task RunOperationsAsync(CancellationToken stopping)
    {
        while (await _operations.Reader.WaitToReadAsync(stopping))
        {
            while (_operations.Reader.TryRead(out var operation))
            {
                try
                {
                    await operation(stopping);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One operation's fault must not stop the loop every later claim waits on.
                    PostgresLog.ClaimFailed(_logger, "operation", "", PostgresFailures.FirstLine(e.Message));
                }
            }
        }
    }

    private async Task<bool> ClaimAsync(NickClaim claim, CancellationToken cancellationToken)
    {
        var key = Core.Storage.NickKey.Of(claim.Nick);
        try
        {
            var granted = await InTransactionAsync(async (connection, transaction) =>
            {
                while (true)
                {
                    if (await ExecuteAsync(connection, transaction, ClaimSql, cancellationToken,
                        Parameters.Text(key), Parameters.Text(claim.Nick), Parameters.Long(claim.AccountId), Parameters.Text(claim.AccountName)) == 1)
                    {
                        await ExecuteAsync(connection, transaction, HolderSql, cancellationToken, Parameters.Text(key), Parameters.Text(_node));
                        await NotifyAsync(connection, transaction, new NickNotice(true, _node, claim.Nick, claim.AccountId, claim.AccountName), cancellationToken);
                        return true;
                    }

                    // Held: granted only to the same account (its devices share the nick on every node).
                    await using var locked = new NpgsqlCommand(LockClaimSql, connection, transaction);
                    locked.Parameters.Add(Parameters.Text(key));
                    var owner = await locked.ExecuteScalarAsync(cancellationToken);
                    if (owner is null)
                        continue; // Released meanwhile: try the insert again.
                    if (owner is not long account || account != claim.AccountId)
                        return false;
                    await ExecuteAsync(connection, transaction, HolderSql, cancellationToken, Parameters.Text(key), Parameters.Text(_node));
                    return true;
                }
            }, cancellationToken);
            return granted && SetLocal(claim);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            // Never granted without the database; the user is told it is unavailable, not taken.
            PostgresLog.ClaimFailed(_logger, "claim", claim.Nick, PostgresFailures.FirstLine(e.Message));
            throw PostgresFailures.Unavailable(_database.Server, e);
        }
    }

    private async Task<bool> ReplaceAsync(NickClaim current, NickClaim claim, CancellationToken cancellationToken)
    {
        var key = Core.Storage.NickKey.Of(claim.Nick);
        try
        {
            var replaced = await InTransactionAsync(async (connection, transaction) =>
            {
                var updated = await ExecuteAsync(connection, transaction, """
                    UPDATE nick_claims SET nick = $2, account_id = $3, account_name = $4
                    WHERE nick_key = $1 AND account_id IS NOT DISTINCT FROM $5
                      AND EXISTS (SELECT 1 FROM nick_holders WHERE nick_key = $1 AND node = $6)
                    """, cancellationToken,
                    Parameters.Text(key), Parameters.Text(claim.Nick), Parameters.Long(claim.AccountId), Parameters.Text(claim.AccountName),
                    Parameters.Long(current.AccountId), Parameters.Text(_node));
                if (updated == 0)
                    return false;
                await NotifyAsync(connection, transaction, new NickNotice(true, _node, claim.Nick, claim.AccountId, claim.AccountName), cancellationToken);
                return true;
            }, cancellationToken);
            return replaced && ReplaceLocal(current, claim);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            PostgresLog.ClaimFailed(_logger, "replace", claim.Nick, PostgresFailures.FirstLine(e.Message));
            throw PostgresFailures.Unavailable(_database.Server, e);
        }
    }

    // This node no longer holds the nick; the claim goes when no other node holds it. When one
    // does (the account's device elsewhere), the view shows that node's claim again.
    private async Task ReleaseAsync(NickClaim claim, CancellationToken cancellationToken)
    {
        var key = Core.Storage.NickKey.Of(claim.Nick);
        try
        {
            var remaining = await InTransactionAsync(async (connection, transaction) =>
            {
                await using (var locked = new NpgsqlCommand(LockClaimSql, connection, transaction))
                {
                    locked.Parameters.Add(Parameters.Text(key));
                    if (await locked.ExecuteScalarAsync(cancellationToken) is null)
                        return (NickNotice?)null;
                }

                await ExecuteAsync(connection, transaction, "DELETE FROM nick_holders WHERE nick_key = $1 AND node = $2", cancellationToken, Parameters.Text(key), Parameters.Text(_node));
                await using var delete = new NpgsqlCommand("""
                    DELETE FROM nick_claims c WHERE c.nick_key = $1
                      AND NOT EXISTS (SELECT 1 FROM nick_holders h WHERE h.nick_key = $1)
                    RETURNING c.nick
                    """, connection, transaction);
                delete.Parameters.Add(Parameters.Text(key));
                if (await delete.ExecuteScalarAsync(cancellationToken) is string)
                {
                    await NotifyAsync(connection, transaction, new NickNotice(false, _node, claim.Nick, claim.AccountId, claim.AccountName), cancellationToken);
                    return null;
                }

                if (claim.AccountId is not { } account)
                    return null;
                var held = await ReadHeldElsewhereAsync(connection, transaction, account, cancellationToken);
                return held.FirstOrDefault(n => Core.Presence.NickRules.Comparer.Equals(n.Nick, claim.Nick)) is { Nick: not null } notice ? notice : (NickNotice?)null;
            }, cancellationToken);
            if (remaining is { } stillHeld)
                SetRemote(stillHeld);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            // The holder row stays until the heartbeat's check (ReleaseStrayAsync) or the lease's end frees it.
            PostgresLog.ClaimFailed(_logger, "release", claim.Nick, PostgresFailures.FirstLine(e.Message));
        }
    }

    /// <summary>
    /// Queues a check that the database holds for this node only what this node's view holds
    /// (a release that failed, PostgreSQL being down, left a holder row behind): each stray holder
    /// is released as <see cref="Release"/> would. The heartbeat calls it; completes when done.
    /// </summary>
    public Task ReleaseStrayAsync()
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(async cancellationToken =>
        {
            await ReleaseStrayCoreAsync(cancellationToken);
            done.TrySetResult(true);
        }, done);
        return done.Task;
    }

    // On the operations loop, so no claim of this node is half done meanwhile.
    private async Task ReleaseStrayCoreAsync(CancellationToken cancellationToken)
    {
        var stray = new List<RemoteNickClaim>();
        try
        {
            await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT c.nick, c.account_id, c.account_name FROM nick_holders h JOIN nick_claims c USING (nick_key) WHERE h.node = $1", connection);
            command.Parameters.Add(Parameters.Text(_node));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var nick = reader.GetString(0);
                if (!_claims.TryGetValue(nick, out var held) || held is RemoteNickClaim)
                    stray.Add(new RemoteNickClaim(nick, reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            PostgresLog.ClaimFailed(_logger, "check", "", PostgresFailures.FirstLine(e.Message));
            return;
        }

        foreach (var claim in stray)
            await ReleaseAsync(claim, cancellationToken);
    }

    /// <summary>
    /// Reads the claims of <paramref name="accountId"/> held on other nodes from the table and makes
    /// the view show exactly those: an account's gate calls it once held, so a direct message
    /// routed under the gate sees a sign-in elsewhere that finished before it.
    /// </summary>
    internal async Task RefreshAccountAsync(NpgsqlConnection connection, long accountId, CancellationToken cancellationToken)
    {
        var held = await ReadHeldElsewhereAsync(connection, transaction: null, accountId, cancellationToken);
        ReplaceRemote(accountId, held);
    }

    private async Task<List<NickNotice>> ReadHeldElsewhereAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long? accountId, CancellationToken cancellationToken)
    {
        var held = new List<NickNotice>();
        await using var command = new NpgsqlCommand(HeldElsewhereSql, connection, transaction);
        command.Parameters.Add(Parameters.Long(accountId));
        command.Parameters.Add(Parameters.Text(_node));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add(new NickNotice(true, "", reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return held;
    }

    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var result = await work(connection, transaction);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception e) when (PostgresFailures.IsTransient(e) && attempt <= _database.Options.MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                _database.DataSource.Clear();
                await Task.Delay(PostgresFailures.Delay(attempt), cancellationToken);
            }
        }
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task<int> NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NickNotice notice, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, NotifySql, cancellationToken, Parameters.Text(notice.Format()));

    private static bool IsFailure(Exception e, CancellationToken cancellationToken) =>
        e is NpgsqlException or IOException or TimeoutException or InvalidOperationException && !cancellationToken.IsCancellationRequested;
}

using System.Collections.Concurrent;
using Npgsql;
using Parley.Core.Cluster;
using Parley.Core.Messages;
using Parley.Storage.Postgres.Writing;

namespace Parley.Storage.Postgres.Cluster;

/// <summary>
/// The account gates of a cluster: a PostgreSQL advisory lock per account, so a sign-in on one
/// node and a direct message routed to the account from another never interleave (no message lost
/// or delivered twice between them; docs/architecture.md, "Sign-in and delivery ordering").
/// </summary>
/// <remarks>
/// <para>Entering takes this node's striped gate first (<see cref="InProcessAccountGates"/>: one
/// waiter per account at a time reaches the database), then <c>pg_advisory_lock(key, account)</c>
/// on a pooled connection held until the release, then reads the account's claims held on other
/// nodes into the nick space's view (<see cref="PostgresNickClaims.RefreshAccountAsync"/>), so the
/// hub routes under the gate by the table, not by a view a notification behind.</para>
/// <para>Releasing never waits: in the background it waits for this node's message store to commit
/// what was appended under the gate (<see cref="IMessageStore.FlushAsync"/>), then unlocks, then
/// lets the next local waiter in. So another node that takes the gate next reads a message stored as
/// waiting, or sees the claim of a sign-in, committed. The lock is a session lock: if the node or
/// its connection dies, PostgreSQL lets it go.</para>
/// <para>Thread-safe. A gate is not re-entrant; the hub holds at most one.</para>
/// </remarks>
public sealed class PostgresAccountGates : IAccountGates
{
    /// <summary>The first key of the two-key advisory locks of accounts ("PaAc"); the second is the account id's low 32 bits.</summary>
    public const int LockSpace = 0x50614163;

    private readonly InProcessAccountGates _local = new();
    private readonly ConcurrentDictionary<long, NpgsqlConnection> _held = new();
    private readonly PostgresDatabase _database;
    private readonly PostgresNickClaims _claims;
    private readonly IMessageStore _messages;

    /// <summary>Creates the gates.</summary>
    /// <param name="database">The shared database.</param>
    /// <param name="claims">The nick space whose view the gate refreshes for its account.</param>
    /// <param name="messages">This node's message store, committed before a gate is let go.</param>
    public PostgresAccountGates(PostgresDatabase database, PostgresNickClaims claims, IMessageStore messages)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(messages);
        _database = database;
        _claims = claims;
        _messages = messages;
    }

    /// <inheritdoc />
    /// <exception cref="Core.Storage.StoreUnavailableException">PostgreSQL failed; the gate is not taken.</exception>
    public async ValueTask EnterAsync(long accountId, CancellationToken cancellationToken)
    {
        await _local.EnterAsync(accountId, cancellationToken);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _database.DataSource.OpenConnectionAsync(cancellationToken);
            await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1, $2)", connection))
            {
                take.Parameters.Add(Parameters.Int(LockSpace));
                take.Parameters.Add(Parameters.Int(unchecked((int)accountId)));
                await take.ExecuteNonQueryAsync(cancellationToken);
            }

            await _claims.RefreshAccountAsync(connection, accountId, cancellationToken);
            _held[accountId] = connection;
        }
        catch (Exception e)
        {
            // Closing the connection ends its session, and with it any lock it took.
            if (connection is not null)
                await connection.DisposeAsync();
            _local.Release(accountId);
            if (e is NpgsqlException or IOException or TimeoutException)
                throw PostgresFailures.Unavailable(_database.Server, e);
            throw;
        }
    }

    /// <inheritdoc />
    public void Release(long accountId)
    {
        if (!_held.TryRemove(accountId, out var connection))
        {
            _local.Release(accountId);
            return;
        }

        _ = UnlockAsync(accountId, connection);
    }

    private async Task UnlockAsync(long accountId, NpgsqlConnection connection)
    {
        try
        {
            // What the holder stored under the gate is committed before another node may read it.
            await _messages.FlushAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is Core.Storage.StoreUnavailableException or NpgsqlException or IOException)
        {
            // The senders were told STORAGE_FAILED; unlock anyway.
        }

        try
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1, $2)", connection);
            unlock.Parameters.Add(Parameters.Int(LockSpace));
            unlock.Parameters.Add(Parameters.Int(unchecked((int)accountId)));
            await unlock.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
        {
            // A broken connection: its session, and the lock, end with it.
        }
        finally
        {
            await connection.DisposeAsync();
            _local.Release(accountId);
        }
    }
}

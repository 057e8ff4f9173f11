using Microsoft.Extensions.Logging;
using Npgsql;
using Parley.Core.Cluster;
using Parley.Core.Storage;
using Parley.Storage.Postgres.Writing;

namespace Parley.Storage.Postgres.Cluster;

/// <summary>
/// This node's lease in the shared database: a row of <c>nodes</c> with a free node number
/// (0-63, the node number of its ids), renewed by a heartbeat. Each heartbeat also removes the
/// nodes whose heartbeat is older than <see cref="NodeLeaseOptions.NodeTimeout"/>, freeing the
/// nicks they held (docs/cluster.md, "When a node dies").
/// </summary>
/// <remarks>
/// Times are this node's <see cref="TimeProvider"/> (tests drive it); the nodes' clocks must agree
/// to well under the timeout. Acquiring, sweeping and freeing run under one transaction-scoped
/// advisory lock, so two nodes noticing one death free its nicks once. Not thread-safe: one
/// heartbeat loop calls it (<see cref="PostgresClusterService"/>).
/// </remarks>
public sealed class PostgresNodeLease
{
    private readonly PostgresDatabase _database;
    private readonly NodeLeaseOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    // After an outage of this node's own: no node counts as dead before then (they were cut off too).
    private DateTimeOffset _sweepNotBefore;
    private bool _failedSinceRenewal;
    private bool _inOutage;

    /// <summary>Creates the lease; <see cref="Acquire"/> takes it.</summary>
    /// <param name="database">The shared database.</param>
    /// <param name="options">The node's name and timings, validated here.</param>
    /// <param name="time">The heartbeat clock.</param>
    /// <param name="logger">For leases taken, lost, and dead nodes.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public PostgresNodeLease(PostgresDatabase database, NodeLeaseOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _database = database;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The node's name.</summary>
    public string NodeName => _options.NodeName;

    /// <summary>The leased node number, 0 to 63; -1 before <see cref="Acquire"/>.</summary>
    public int Number { get; private set; } = -1;

    /// <summary>The timings.</summary>
    public NodeLeaseOptions Options => _options;

    /// <summary>When the heartbeat was last written (this node's clock).</summary>
    public DateTimeOffset LastRenewed { get; private set; }

    /// <summary>True while this node has not renewed for <see cref="NodeLeaseOptions.OutageAfter"/>: it serves on, in the outage grace.</summary>
    public bool InOutage => _inOutage;

    /// <summary>The nodes <see cref="Acquire"/> removed (expired ones, and this node's earlier incarnation), with the nicks they freed.</summary>
    public IReadOnlyList<DeadNode> TakenOver { get; private set; } = [];

    /// <summary>This incarnation's id: a restart of the node under its name gets a new one.</summary>
    public Guid Incarnation { get; } = Guid.NewGuid();

    /// <summary>
    /// Takes the lease at start-up: removes expired nodes (freeing their nicks), takes this node's
    /// name over from an earlier incarnation (freeing what it held: its sessions are gone), and
    /// leases the lowest free number.
    /// </summary>
    /// <returns>The nodes removed on the way, with the nicks they freed (for their users' quits).</returns>
    /// <exception cref="StoreUnavailableException">PostgreSQL failed, or all 64 numbers are leased by live nodes.</exception>
    public IReadOnlyList<DeadNode> Acquire()
    {
        try
        {
            TakenOver = AcquireAsync(CancellationToken.None).GetAwaiter().GetResult();
            return TakenOver;
        }
        catch (NpgsqlException e)
        {
            throw PostgresFailures.Unavailable(_database.Server, e);
        }
    }

    private async Task<IReadOnlyList<DeadNode>> AcquireAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await NodeClaimsSql.LockNodesAsync(connection, transaction, cancellationToken);
        var now = _time.GetUtcNow();
        var dead = await SweepAsync(connection, transaction, now, cancellationToken);
        // An earlier incarnation of this node (restarted, or killed within the timeout): its
        // sessions are gone, so its claims go before this one takes a number.
        var previous = await NodeClaimsSql.FreeNodeAsync(connection, transaction, NodeName, cancellationToken);
        await using (var delete = Commands.Create(connection, "DELETE FROM nodes WHERE name = $1", Parameters.Text(NodeName)))
        {
            delete.Transaction = transaction;
            if (await delete.ExecuteNonQueryAsync(cancellationToken) > 0)
                dead.Add(new DeadNode(NodeName, previous));
        }

        await using (var take = Commands.Create(connection, """
            INSERT INTO nodes (name, number, incarnation, started_utc, heartbeat_utc)
            SELECT $1, n, $2, $3, $3 FROM generate_series(0, 63) n
            WHERE n NOT IN (SELECT number FROM nodes) ORDER BY n LIMIT 1
            RETURNING number
            """, Parameters.Text(NodeName), new NpgsqlParameter<Guid> { TypedValue = Incarnation }, Parameters.Long(now.ToUnixTimeMilliseconds())))
        {
            take.Transaction = transaction;
            if (await take.ExecuteScalarAsync(cancellationToken) is not int number)
                throw new StoreUnavailableException($"the cluster at {_database.Server} has {InProcessIdAllocator.MaxNodes} live nodes, the most it can number: no node number is free for {NodeName}");
            Number = number;
        }

        await transaction.CommitAsync(cancellationToken);
        LastRenewed = now;
        PostgresLog.LeaseTaken(_logger, NodeName, Number);
        return dead;
    }

    /// <summary>
    /// One heartbeat: renews this node's row (guarded by its incarnation), then removes the nodes
    /// whose heartbeat expired, freeing their nicks. A PostgreSQL failure is logged and reported as
    /// not renewed; the caller decides when to stop serving (<see cref="MustStopServing"/>).
    /// </summary>
    /// <remarks>
    /// After this node itself failed to reach PostgreSQL and went two intervals or more without
    /// renewing, PostgreSQL was most likely down for every node: it then counts no node dead for one <see cref="NodeLeaseOptions.NodeTimeout"/>
    /// after renewing, so the first node back does not free the nicks of the others, which were
    /// just as cut off and are renewing in turn.
    /// </remarks>
    /// <param name="cancellationToken">Stops the heartbeat.</param>
    /// <returns>What the heartbeat found.</returns>
    public async Task<NodeBeat> BeatAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        try
        {
            await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken);
            await using (var renew = Commands.Create(connection, "UPDATE nodes SET heartbeat_utc = $1 WHERE name = $2 AND incarnation = $3",
                Parameters.Long(now.ToUnixTimeMilliseconds()), Parameters.Text(NodeName), new NpgsqlParameter<Guid> { TypedValue = Incarnation }))
            {
                if (await renew.ExecuteNonQueryAsync(cancellationToken) == 0)
                    return new NodeBeat(Renewed: false, Lost: true, []);
            }

            Renewed(now);
            if (now < _sweepNotBefore)
                return new NodeBeat(Renewed: true, Lost: false, []);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await NodeClaimsSql.LockNodesAsync(connection, transaction, cancellationToken);
            var dead = await SweepAsync(connection, transaction, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new NodeBeat(Renewed: true, Lost: false, dead);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            var age = now - LastRenewed;
            PostgresLog.HeartbeatFailed(_logger, NodeName, PostgresFailures.FirstLine(e.Message), (long)age.TotalMilliseconds);
            _failedSinceRenewal = true;
            if (!_inOutage && age >= _options.OutageAfter)
            {
                _inOutage = true;
                PostgresLog.OutageGrace(_logger, NodeName, (long)age.TotalMilliseconds, (long)_options.DatabaseOutageGrace.TotalMilliseconds);
            }

            return new NodeBeat(Renewed: false, Lost: false, []);
        }
    }

    private void Renewed(DateTimeOffset now)
    {
        var age = now - LastRenewed;
        // Only after failures of its own: a node that was merely paused sweeps as usual.
        if (_failedSinceRenewal && age >= 2 * _options.HeartbeatInterval)
        {
            _sweepNotBefore = now + _options.NodeTimeout;
            PostgresLog.RenewedAfterOutage(_logger, NodeName, (long)age.TotalMilliseconds, (long)_options.NodeTimeout.TotalMilliseconds);
        }

        _failedSinceRenewal = false;
        _inOutage = false;
        LastRenewed = now;
    }

    /// <summary>
    /// True when this node must stop serving: its lease is gone (another node counted it dead, or a
    /// new incarnation took its name), or it has not renewed for
    /// <see cref="NodeLeaseOptions.DatabaseOutageGrace"/>.
    /// </summary>
    /// <param name="beat">The last heartbeat's result.</param>
    public bool MustStopServing(NodeBeat beat)
    {
        ArgumentNullException.ThrowIfNull(beat);
        return beat.Lost || _time.GetUtcNow() - LastRenewed >= _options.DatabaseOutageGrace;
    }

    /// <summary>Gives the lease back at a clean stop: frees this node's claims at once and deletes its row.</summary>
    /// <param name="cancellationToken">Stops waiting; the row then expires by itself.</param>
    /// <returns>The nicks freed.</returns>
    public async Task<IReadOnlyList<string>> ReleaseAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await NodeClaimsSql.LockNodesAsync(connection, transaction, cancellationToken);
        var freed = await NodeClaimsSql.FreeNodeAsync(connection, transaction, NodeName, cancellationToken);
        await using (var delete = Commands.Create(connection, "DELETE FROM nodes WHERE name = $1 AND incarnation = $2",
            Parameters.Text(NodeName), new NpgsqlParameter<Guid> { TypedValue = Incarnation }))
        {
            delete.Transaction = transaction;
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return freed;
    }

    // Under the nodes lock: every other node whose heartbeat is older than the timeout goes, with
    // the claims it held alone.
    private async Task<List<DeadNode>> SweepAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using (var find = Commands.Create(connection, "SELECT name FROM nodes WHERE heartbeat_utc < $1 AND name <> $2",
            Parameters.Long((now - _options.NodeTimeout).ToUnixTimeMilliseconds()), Parameters.Text(NodeName)))
        {
            find.Transaction = transaction;
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                names.Add(reader.GetString(0));
        }

        var dead = new List<DeadNode>(names.Count);
        foreach (var name in names)
        {
            var freed = await NodeClaimsSql.FreeNodeAsync(connection, transaction, name, cancellationToken);
            await using (var delete = Commands.Create(connection, "DELETE FROM nodes WHERE name = $1", Parameters.Text(name)))
            {
                delete.Transaction = transaction;
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            PostgresLog.NodeDied(_logger, name, freed.Count, NodeName);
            dead.Add(new DeadNode(name, freed));
        }

        return dead;
    }
}

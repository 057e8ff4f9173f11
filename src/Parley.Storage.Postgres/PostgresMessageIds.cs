using System.Diagnostics;
using Npgsql;

namespace Parley.Storage.Postgres;

/// <summary>
/// Direct-message and broadcast ids, handed out in memory from blocks of <see cref="BlockSize"/>
/// drawn from the sequence <c>message_id_blocks</c> (migration 1), so <c>Append</c> never waits
/// for the network: the next block is fetched in the background when half of the current one is
/// used. Every process of a cluster draws from the one sequence, so no two get the same id; ids
/// increase per process (docs/architecture.md, "Ids, nick claims, sign-in ordering").
/// </summary>
/// <remarks>Not thread-safe: the message store calls it under its append lock.</remarks>
internal sealed class PostgresMessageIds
{
    /// <summary>Ids per block: the sequence's <c>INCREMENT BY</c>.</summary>
    public const int BlockSize = 1024;

    // How long an append may wait for a block it needs, and how long later appends fail at once
    // after that failed (PostgreSQL down), instead of each waiting in turn under the append lock.
    private static readonly TimeSpan WaitForBlock = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FailFastFor = TimeSpan.FromSeconds(1);

    private readonly PostgresDatabase _database;
    private long _next;
    private long _end;
    private Task<long>? _nextBlock;
    private long _failedAt;

    public PostgresMessageIds(PostgresDatabase database)
    {
        _database = database;
        _next = database.Read(Fetch);
        _end = _next + BlockSize;
    }

    /// <summary>The next id; false when none can be had now (PostgreSQL unreachable for the next block).</summary>
    public bool TryNext(out long id)
    {
        if (_next == _end && !TakeNextBlock())
        {
            id = 0;
            return false;
        }

        id = _next++;
        if (_nextBlock is null && _end - _next == BlockSize / 2)
            _nextBlock = FetchAsync();
        return true;
    }

    private bool TakeNextBlock()
    {
        if (_failedAt != 0 && Stopwatch.GetElapsedTime(_failedAt) < FailFastFor)
            return false;
        var pending = _nextBlock is { IsFaulted: false, IsCanceled: false } ? _nextBlock : FetchAsync();
        _nextBlock = null;
        try
        {
            if (!pending.Wait(WaitForBlock))
            {
                _nextBlock = pending;
                _failedAt = Stopwatch.GetTimestamp();
                return false;
            }

            _next = pending.Result;
            _end = _next + BlockSize;
            _failedAt = 0;
            return true;
        }
        catch (AggregateException)
        {
            _failedAt = Stopwatch.GetTimestamp();
            return false;
        }
    }

    private Task<long> FetchAsync() =>
        _database.ReadAsync(static async (connection, cancellationToken) =>
        {
            await using var command = new NpgsqlCommand("SELECT nextval('message_id_blocks')", connection);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, CancellationToken.None).AsTask();

    private static long Fetch(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT nextval('message_id_blocks')", connection);
        return (long)command.ExecuteScalar()!;
    }
}

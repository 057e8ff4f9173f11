using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>
/// The one writer of the database: a dedicated thread that takes every write queued since its
/// last commit (up to <see cref="SqliteStoreOptions.MaxBatchSize"/>), runs them in one
/// transaction and commits once (group commit). A write's <see cref="WriteOp.Completion"/>
/// completes when the transaction holding it commits, so a caller waits for its own batch only.
/// </summary>
/// <remarks>
/// <para>Thread-safe for any number of producers. Writes are applied in the order they were
/// queued, and batches commit in order, so once a write completes every earlier one has too.</para>
/// <para>While one batch commits (an fsync with <see cref="SqliteSynchronous.Full"/>) the next
/// accumulates: the busier the server, the larger the batches and the fewer commits per write.
/// With a <see cref="SqliteStoreOptions.CommitDelay"/> the writer also waits that long for company
/// before committing a batch of writes that only acknowledgements wait for (PostgreSQL's
/// <c>commit_delay</c>), so at human rates several messages share one commit. It does not hold a
/// write after a batch that committed alone with nothing queued meanwhile (a sender waiting for
/// each acknowledgement, as PostgreSQL's <c>commit_siblings</c>): such a sender is not capped at one
/// message per delay, and holding resumes once writes arrive while a commit runs.</para>
/// <para>Producers wake the writer only when it sleeps and its wake condition is met (one signal
/// per batch, not per write); a batch's completions are handed to the thread pool as one work item.</para>
/// </remarks>
internal sealed class SqliteWriter : IDisposable
{
    private const int Asleep = int.MaxValue;

    // A batch of this many writes already shares its commit 16 ways: holding it longer would only
    // delay acknowledgements and add a timed wake where the next batch fills by itself (dm rates).
    private const int EnoughCompany = 16;

    private readonly SqliteConnection _connection;
    private readonly WriterStatements _statements;
    private readonly int _maxBatchSize;
    private readonly TimeSpan _commitDelay;
    private readonly ILogger _logger;
    private readonly Lock _queueLock = new();
    private readonly Queue<WriteOp> _queue = new();
    // Spin count 0: the writer is one thread on a machine that may have two cores; spinning there costs more than a futex wake.
    private readonly ManualResetEventSlim _wake = new(false, 0);
    private readonly Thread _thread;
    // Guarded by _queueLock: queued writes at which the writer wants waking (Asleep: it is not waiting).
    private int _wakeAt = Asleep;
    private bool _closed;
    private Task _lastQueued = Task.CompletedTask;
    private long _batches;
    private long _writes;
    private long _windowsOpened;
    // Writer thread only: the last batch was one write and none arrived while it committed, the
    // mark of a sender that waits for each acknowledgement. Holding its next write would only cap
    // it at one message per delay (PostgreSQL holds only with commit_siblings active).
    private bool _lastCommitAlone;

    public SqliteWriter(SqliteConnection connection, int maxBatchSize, TimeSpan commitDelay, ILogger logger)
    {
        _connection = connection;
        _statements = new WriterStatements(connection);
        _maxBatchSize = maxBatchSize;
        _commitDelay = commitDelay;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "Parley SQLite writer" };
        _thread.Start();
    }

    /// <summary>Transactions committed so far.</summary>
    public long BatchesCommitted => Interlocked.Read(ref _batches);

    /// <summary>Writes committed so far.</summary>
    public long WritesCommitted => Interlocked.Read(ref _writes);

    /// <summary>Times the writer has started waiting out a commit delay (for tests and diagnostics).</summary>
    public long WindowsOpened => Interlocked.Read(ref _windowsOpened);

    /// <summary>
    /// Raised on the writer thread each time it starts waiting out a commit delay, right after
    /// <see cref="WindowsOpened"/> counts it: a test hook, so tests await the window instead of
    /// polling the count. A handler must return at once (the writer waits for it, holding no lock).
    /// </summary>
    public event Action? WindowOpened;

    /// <summary>Queues a write; never blocks. After <see cref="Dispose"/> the write fails at once.</summary>
    public void Enqueue(WriteOp op)
    {
        lock (_queueLock)
        {
            if (!_closed)
            {
                _queue.Enqueue(op);
                StoreMetrics.Queued();
                _lastQueued = op.Completion;
                // A write that someone waits for before going on ends a commit delay at once.
                if (_queue.Count >= _wakeAt || (_wakeAt != Asleep && !op.MayWaitForCompany))
                {
                    _wakeAt = Asleep;
                    _wake.Set();
                }

                return;
            }
        }

        WriteCompletions.Fail(op, new ObjectDisposedException(nameof(SqliteWriter), "The database is closed."));
    }

    /// <summary>Completes when every write queued before the call has committed or failed.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Task last;
        lock (_queueLock)
            last = _lastQueued;
        return last.ContinueWith(static _ => { }, cancellationToken, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Stops accepting writes, commits what is queued, and stops the thread.</summary>
    public void Dispose()
    {
        lock (_queueLock)
        {
            _closed = true;
            _wakeAt = Asleep;
            _wake.Set();
        }

        _thread.Join();
        _statements.Dispose();
        _wake.Dispose();
    }

    private void Run()
    {
        var batch = new List<WriteOp>(Math.Min(_maxBatchSize, 4096));
        while (TakeBatch(batch))
        {
            if (_commitDelay > TimeSpan.Zero && !_lastCommitAlone && batch.Count < Math.Min(_maxBatchSize, EnoughCompany) && AllMayWait(batch))
                WaitForCompany(batch);
            Commit(batch);
            batch.Clear();
        }
    }

    // Blocks until at least one write is queued, then takes up to a batch; false once closed and drained.
    private bool TakeBatch(List<WriteOp> batch)
    {
        while (true)
        {
            lock (_queueLock)
            {
                if (_queue.Count > 0)
                {
                    TakeQueued(batch);
                    return true;
                }

                if (_closed)
                    return false;
                _wakeAt = 1;
                _wake.Reset();
            }

            // The writer thread is dedicated, so blocking it while idle costs nothing.
            _wake.Wait();
        }
    }

    // The commit delay: sleeps until the batch has enough company, a write that must not wait
    // arrives, the database closes, or the delay is over; then takes what came (up to a full batch).
    private void WaitForCompany(List<WriteOp> batch)
    {
        Interlocked.Increment(ref _windowsOpened);
        WindowOpened?.Invoke();
        var deadline = Stopwatch.GetTimestamp() + (long)(_commitDelay.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            lock (_queueLock)
            {
                var room = Math.Min(_maxBatchSize, EnoughCompany) - batch.Count;
                var full = _queue.Count >= room;
                var left = deadline - Stopwatch.GetTimestamp();
                if (full || _closed || left <= 0 || !QueuedMayWait())
                {
                    _wakeAt = Asleep;
                    TakeQueued(batch);
                    return;
                }

                _wakeAt = room;
                _wake.Reset();
            }

            // Whole milliseconds, rounded up: the wait's resolution; a timeout of 0 would return
            // at once and turn the last fraction of a millisecond into a busy loop.
            var remaining = deadline - Stopwatch.GetTimestamp();
            if (remaining > 0)
                _wake.Wait((int)Math.Ceiling(remaining * 1000.0 / Stopwatch.Frequency));
        }
    }

    // Called under _queueLock.
    private void TakeQueued(List<WriteOp> batch)
    {
        while (batch.Count < _maxBatchSize && _queue.TryDequeue(out var op))
            batch.Add(op);
    }

    // Called under _queueLock.
    private bool QueuedMayWait()
    {
        foreach (var op in _queue)
        {
            if (!op.MayWaitForCompany)
                return false;
        }

        return true;
    }

    private static bool AllMayWait(List<WriteOp> batch)
    {
        foreach (var op in batch)
        {
            if (!op.MayWaitForCompany)
                return false;
        }

        return true;
    }

    private void Commit(List<WriteOp> batch)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            // BEGIN IMMEDIATE: take the write lock now, not at the first write.
            using var transaction = _connection.BeginTransaction(deferred: false);
            _statements.Begin(transaction);
            foreach (var op in batch)
                op.Execute(_statements);
            transaction.Commit();
            // Before any completion: a sender waiting for one cannot have queued its next write yet.
            lock (_queueLock)
                _lastCommitAlone = batch.Count == 1 && _queue.Count == 0;
        }
#pragma warning disable CA1031 // Any failure rolls the batch back and fails its writes; the writer must live on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            StorageLog.BatchFailed(_logger, batch.Count, e);
            StoreMetrics.Finished(batch.Count, start, committed: false);
            WriteCompletions.FailAll(batch, e);
            return;
        }

        StoreMetrics.Finished(batch.Count, start, committed: true);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _writes, batch.Count);
        WriteCompletions.CompleteAll(batch);
    }
}

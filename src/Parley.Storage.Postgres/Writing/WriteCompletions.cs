using System.Buffers;

namespace Parley.Storage.Postgres.Writing;

/// <summary>
/// A committed (or failed) batch's completions, run on the thread pool as one work item: one
/// wake of the pool per batch instead of one per write. The writes' continuations run inline
/// here, one after another, never on the writer thread and never under a producer's lock.
/// </summary>
internal sealed class WriteCompletions : IThreadPoolWorkItem
{
    private readonly WriteOp[] _ops;
    private readonly int _count;
    private readonly Exception? _error;

    private WriteCompletions(WriteOp[] ops, int count, Exception? error)
    {
        _ops = ops;
        _count = count;
        _error = error;
    }

    /// <summary>Completes every write of <paramref name="batch"/> on the thread pool.</summary>
    public static void CompleteAll(List<WriteOp> batch) => Queue(batch, null);

    /// <summary>Fails every write of <paramref name="batch"/> with <paramref name="error"/> on the thread pool.</summary>
    public static void FailAll(List<WriteOp> batch, Exception error) => Queue(batch, error);

    /// <summary>Fails one write on the thread pool.</summary>
    public static void Fail(WriteOp op, Exception error)
    {
        var ops = ArrayPool<WriteOp>.Shared.Rent(1);
        ops[0] = op;
        ThreadPool.UnsafeQueueUserWorkItem(new WriteCompletions(ops, 1, error), preferLocal: false);
    }

    /// <inheritdoc />
    public void Execute()
    {
        for (var i = 0; i < _count; i++)
        {
            if (_error is null)
                _ops[i].Complete();
            else
                _ops[i].Fail(_error);
        }

        ArrayPool<WriteOp>.Shared.Return(_ops, clearArray: true);
    }

    private static void Queue(List<WriteOp> batch, Exception? error)
    {
        var ops = ArrayPool<WriteOp>.Shared.Rent(batch.Count);
        batch.CopyTo(ops);
        ThreadPool.UnsafeQueueUserWorkItem(new WriteCompletions(ops, batch.Count, error), preferLocal: false);
    }
}

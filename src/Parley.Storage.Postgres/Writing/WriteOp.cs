namespace Parley.Storage.Postgres.Writing;

/// <summary>
/// One write queued for the <see cref="PostgresWriter"/>. <see cref="Execute"/> runs inside the
/// batch's transaction on the writer thread (again, in a new transaction, when the batch is
/// retried after a transient failure); <see cref="Complete"/> or <see cref="Fail"/> runs once the
/// transaction committed or finally rolled back.
/// </summary>
internal abstract class WriteOp
{
    /// <summary>Completes when the write is committed; faults when its batch failed.</summary>
    public abstract Task Completion { get; }

    /// <summary>Performs the write; runs on the writer thread inside the open transaction. Must be safe to run again after a rollback.</summary>
    public abstract void Execute(WriteContext context);

    /// <summary>The batch committed.</summary>
    public abstract void Complete();

    /// <summary>The batch rolled back for good, or the writer stopped before running it.</summary>
    public abstract void Fail(Exception error);
}

namespace Parley.Storage.Sqlite.Writing;

/// <summary>
/// One write queued for the <see cref="SqliteWriter"/>. <see cref="Execute"/> runs inside the
/// batch's transaction on the writer thread; <see cref="Complete"/> or <see cref="Fail"/> runs once
/// the transaction committed or rolled back.
/// </summary>
internal abstract class WriteOp
{
    /// <summary>Completes when the write is durable; faults when its batch failed.</summary>
    public abstract Task Completion { get; }

    /// <summary>
    /// Whether the writer may hold this write's commit for up to
    /// <see cref="SqliteStoreOptions.CommitDelay"/> to share it with later writes. True only for
    /// writes whose completion gates an acknowledgement alone (a message's <c>OK</c> or echo), never
    /// for one that a command waits on before going on (accounts, rooms, probes).
    /// </summary>
    public virtual bool MayWaitForCompany => false;

    /// <summary>Performs the write; runs on the writer thread inside the open transaction.</summary>
    public abstract void Execute(WriterStatements statements);

    /// <summary>The batch committed.</summary>
    public abstract void Complete();

    /// <summary>The batch rolled back, or the writer stopped before running it.</summary>
    public abstract void Fail(Exception error);
}

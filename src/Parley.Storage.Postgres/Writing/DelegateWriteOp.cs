namespace Parley.Storage.Postgres.Writing;

/// <summary>
/// A write given as a function of the batch's context: for the writes that are not per message
/// (accounts, certificates, rooms, bans, markers), where a closure per write costs nothing that matters.
/// </summary>
/// <param name="execute">Runs the write's statements; its result completes the write. Must be safe to run again after a rollback.</param>
internal sealed class DelegateWriteOp<T>(Func<WriteContext, T> execute) : WriteOp<T>
{
    public override void Execute(WriteContext context) => Value = execute(context);
}

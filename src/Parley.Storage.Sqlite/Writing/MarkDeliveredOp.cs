namespace Parley.Storage.Sqlite.Writing;

/// <summary>Marks an account's waiting messages up to an id as delivered.</summary>
internal sealed class MarkDeliveredOp(long accountId, long throughId) : WriteOp<int>
{
    public override void Execute(WriterStatements statements) => Value = statements.MarkDelivered(accountId, throughId);
}

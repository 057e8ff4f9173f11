namespace Parley.Storage.Sqlite.Writing;

/// <summary>Deletes an account and unlinks what referred to it (NickServ <c>DROP</c>).</summary>
internal sealed class DeleteAccountOp(long accountId) : WriteOp<bool>
{
    public override void Execute(WriterStatements statements) => Value = statements.DeleteAccount(accountId);
}

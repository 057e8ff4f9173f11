namespace Parley.Storage.Sqlite.Writing;

/// <summary>Replaces an account's password hash.</summary>
internal sealed class UpdatePasswordOp(long accountId, string passwordHash) : WriteOp<bool>
{
    public override void Execute(WriterStatements statements) => Value = statements.UpdatePassword(accountId, passwordHash);
}

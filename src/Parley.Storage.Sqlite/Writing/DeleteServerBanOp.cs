namespace Parley.Storage.Sqlite.Writing;

/// <summary>Deletes a server-wide ban by its mask.</summary>
internal sealed class DeleteServerBanOp(string mask) : WriteOp<int>
{
    public override void Execute(WriterStatements statements) => statements.ServerBans.Delete(mask);
}

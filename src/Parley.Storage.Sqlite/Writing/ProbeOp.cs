namespace Parley.Storage.Sqlite.Writing;

/// <summary>
/// An empty write: its batch's <c>BEGIN IMMEDIATE</c> and commit prove the writer thread runs and
/// the database takes writes (readiness checks).
/// </summary>
internal sealed class ProbeOp : WriteOp<int>
{
    public override void Execute(WriterStatements statements)
    {
    }
}

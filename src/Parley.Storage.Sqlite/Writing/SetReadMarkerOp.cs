namespace Parley.Storage.Sqlite.Writing;

/// <summary>Moves one read marker forward; completes with the marker after the write (Unix ms).</summary>
internal sealed class SetReadMarkerOp(long accountId, string targetKey, long readUtc) : WriteOp<long>
{
    public override void Execute(WriterStatements statements) => Value = statements.ReadMarkers.Set(accountId, targetKey, readUtc);
}

using Parley.Core.Messages;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>Inserts one message with its pre-assigned id.</summary>
internal sealed class InsertMessageOp(long id, NewMessage message) : WriteOp<bool>
{
    public override void Execute(WriterStatements statements)
    {
        statements.InsertMessage(id, message);
        Value = true;
    }
}

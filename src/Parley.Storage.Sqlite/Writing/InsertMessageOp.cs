using Parley.Core.Messages;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>Inserts one message with its pre-assigned id.</summary>
internal sealed class InsertMessageOp(long id, NewMessage message) : WriteOp<bool>
{
    // Only the sender's acknowledgement waits for it: delivery to online recipients never waits for the commit (ChatHub, RoomHub).
    public override bool MayWaitForCompany => true;

    public override void Execute(WriterStatements statements)
    {
        statements.InsertMessage(id, message);
        Value = true;
    }
}

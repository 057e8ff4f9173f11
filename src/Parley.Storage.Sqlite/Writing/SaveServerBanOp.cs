using Parley.Core.Moderation;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>Stores a server-wide ban.</summary>
internal sealed class SaveServerBanOp(ServerBan ban) : WriteOp<int>
{
    public override void Execute(WriterStatements statements) => statements.ServerBans.Insert(ban);
}

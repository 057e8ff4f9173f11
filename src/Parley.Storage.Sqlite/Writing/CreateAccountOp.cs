using Parley.Core.Accounts;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>Creates an account unless its nick is registered already; the result is null then.</summary>
internal sealed class CreateAccountOp(string nick, string passwordHash, DateTimeOffset createdUtc) : WriteOp<Account?>
{
    public override void Execute(WriterStatements statements) =>
        Value = statements.CreateAccount(nick, passwordHash, createdUtc) is { } id ? new Account(id, nick, passwordHash, createdUtc) : null;
}

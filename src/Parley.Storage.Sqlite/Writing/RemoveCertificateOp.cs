namespace Parley.Storage.Sqlite.Writing;

/// <summary>Removes a client certificate from an account; the result is whether it was there.</summary>
internal sealed class RemoveCertificateOp(long accountId, string fingerprint) : WriteOp<bool>
{
    public override void Execute(WriterStatements statements) => Value = statements.RemoveCertificate(accountId, fingerprint);
}

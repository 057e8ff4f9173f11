using Parley.Core.Accounts;

namespace Parley.Storage.Sqlite.Writing;

/// <summary>
/// Registers a client certificate to an account unless it is registered already or the account is
/// full; the check and the insert run in one transaction on the one writer, so two accounts can
/// never both get a fingerprint and an account never passes its limit.
/// </summary>
internal sealed class AddCertificateOp(long accountId, string fingerprint, string? label, DateTimeOffset addedUtc, int maxPerAccount)
    : WriteOp<CertificateAddResult>
{
    public override void Execute(WriterStatements statements)
    {
        if (statements.CountCertificates(accountId) >= maxPerAccount)
            Value = statements.CertificateExists(fingerprint) ? CertificateAddResult.AlreadyRegistered : CertificateAddResult.LimitReached;
        else
            Value = statements.AddCertificate(accountId, fingerprint, label, addedUtc) ? CertificateAddResult.Added : CertificateAddResult.AlreadyRegistered;
    }
}

using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/cert list</c> (through <see cref="CertCommand"/>): <c>CERT</c> data lines, oldest first, then <c>OK</c>.</summary>
internal sealed class CertListCommand : ILineCommand
{
    public string Name => "list";
    public string Usage => "/cert list";
    public string Summary => "list your client certificates";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => false;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var certificates = await connection.Accounts.ListCertificatesAsync(connection.Session);
        if (certificates is null)
        {
            connection.Reply(ChatErrorReplies.NotLoggedIn);
            return;
        }

        foreach (var certificate in certificates)
            connection.Reply(LineWriter.Certificate(certificate.Fingerprint, certificate.AddedUtc, certificate.Label));
        connection.Reply(LineWriter.Ok($"{certificates.Count} certificates for {connection.Session.Nick}"));
    }
}

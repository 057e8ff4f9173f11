using Parley.Core.Presence;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/cert del &lt;fingerprint&gt;</c> (through <see cref="CertCommand"/>): remove a client
/// certificate from the logged-in account; it no longer logs in (connections logged in with it stay).
/// </summary>
internal sealed class CertDelCommand : ILineCommand
{
    public string Name => "del";
    public string Usage => "/cert del <fingerprint>";
    public string Summary => "remove one of your client certificates";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var session = connection.Session;
        var result = await connection.Accounts.RemoveCertificateAsync(session, arguments);
        if (result.Error != ChatError.None)
        {
            connection.Reply(ChatErrorReplies.For(result));
            return;
        }

        FrontEndLog.CertificateRemoved(connection.Logger, session.Id, session.Nick, result.Fingerprint);
        connection.Reply(LineWriter.Ok($"certificate {result.Fingerprint} removed from {session.Nick}"));
    }
}

using Parley.Core.Accounts;
using Parley.Core.Presence;
using Parley.Core.Security;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/cert add [fingerprint] [label]</c> (through <see cref="CertCommand"/>): register a client
/// certificate to the logged-in account; without a fingerprint, the one this connection presented.
/// A first word that is not fingerprint-like is the label: <c>/cert add laptop</c>.
/// </summary>
internal sealed class CertAddCommand : ILineCommand
{
    public string Name => "add";
    public string Usage => "/cert add [fingerprint] [label]";
    public string Summary => "register a client certificate (without a fingerprint: the one you connected with)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => false;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (first, rest) = LineRequestParser.SplitWord(arguments);
        string? fingerprint = null;
        var label = arguments;
        if (CertificateFingerprint.LooksLikeFingerprint(first))
            (fingerprint, label) = (first, rest);
        if (label.Length > AccountService.MaxCertificateLabelLength)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.Syntax, $"a label is at most {AccountService.MaxCertificateLabelLength} characters"));
            return;
        }

        var session = connection.Session;
        var result = await connection.Accounts.AddCertificateAsync(session, fingerprint, label.Length == 0 ? null : label);
        if (result.Error != ChatError.None)
        {
            connection.Reply(ChatErrorReplies.For(result));
            return;
        }

        FrontEndLog.CertificateAdded(connection.Logger, session.Id, session.Nick, result.Fingerprint);
        connection.Reply(LineWriter.Ok($"certificate {result.Fingerprint} added to {session.Nick}; /login with it logs in without a password"));
    }
}

using Parley.Core.Presence;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/login &lt;nick&gt; &lt;password&gt;</c> and the seeds' <c>#nick password</c>: sign in to an
/// account; stored messages come first as <c>MISSED</c> data lines. Without a password
/// (<c>/login</c>, <c>/login &lt;nick&gt;</c>) it is certificate login: the TLS client certificate the
/// connection presented must be registered to the account (<c>/cert add</c>, docs/tls.md).
/// </summary>
internal sealed class LoginCommand : ILineCommand
{
    public string Name => "login";
    public string Usage => "/login <nick> <password>  (or #<nick> <password>; /login [nick] with a registered client certificate)";
    public string Summary => "log in to your account";
    public bool AllowedBeforeRegistration => true;
    public bool RequiresArguments => false;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (nick, password) = LineRequestParser.SplitWord(arguments);
        var certificateLogin = password.Length == 0;

        // A password never crosses an untrusted network in clear text (docs/tls.md); certificate
        // login sends none, and needs TLS anyway.
        if (!certificateLogin && !connection.CheckPasswordAllowed())
            return;

        // MISSED lines go out as events: let earlier replies go first.
        await connection.RepliesSentAsync();
        var session = connection.Session;
        var wasRegistered = session.IsRegistered;
        var result = certificateLogin
            ? await connection.Accounts.LoginWithCertificateAsync(session, nick.Length == 0 ? null : nick)
            : await connection.Accounts.LoginAsync(session, nick, password);
        if (result.Error != ChatError.None)
        {
            if (result.Error is ChatError.AuthFailed or ChatError.RateLimited)
            {
                var tried = nick.Length > 0 ? nick : session.Security.ClientCertificateSha256 ?? "";
                FrontEndLog.LoginFailed(connection.Logger, session.Id, session.RemoteAddress, tried, result.Error.ToString());
            }

            connection.Reply(ChatErrorReplies.For(result, nick, session.Nick, connection.AccountOptions.MaxSessionsPerAccount));
            return;
        }

        if (certificateLogin)
        {
            FrontEndLog.LoggedInWithCertificate(connection.Logger, session.Id, session.RemoteAddress, result.Nick, session.Security.ClientCertificateSha256);
            connection.Reply(LineWriter.Ok(ChatErrorReplies.SignedIn("logged in as", result, "client certificate")));
        }
        else
        {
            FrontEndLog.LoggedIn(connection.Logger, session.Id, session.RemoteAddress, result.Nick);
            connection.Reply(LineWriter.Ok(ChatErrorReplies.SignedIn("logged in as", result)));
        }

        if (!wasRegistered)
            connection.OnRegistered();
    }
}

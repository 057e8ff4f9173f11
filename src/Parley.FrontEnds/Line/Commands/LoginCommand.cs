using Parley.Core.Presence;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/login &lt;nick&gt; &lt;password&gt;</c> and the seeds' <c>#nick password</c>: sign in to an
/// account; stored messages come first as <c>MISSED</c> data lines.
/// </summary>
internal sealed class LoginCommand : ILineCommand
{
    public string Name => "login";
    public string Usage => "/login <nick> <password>  (or #<nick> <password>)";
    public string Summary => "log in to your account";
    public bool AllowedBeforeRegistration => true;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (nick, password) = LineRequestParser.SplitWord(arguments);
        if (password.Length == 0)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.NeedMoreParams, $"usage: {Usage}"));
            return;
        }

        // A password never crosses an untrusted network in clear text (docs/tls.md).
        if (!connection.CheckPasswordAllowed())
            return;

        // MISSED lines go out as events: let earlier replies go first.
        await connection.RepliesSentAsync();
        var wasRegistered = connection.Session.IsRegistered;
        var result = await connection.Accounts.LoginAsync(connection.Session, nick, password);
        if (result.Error != ChatError.None)
        {
            if (result.Error is ChatError.AuthFailed or ChatError.RateLimited)
                FrontEndLog.LoginFailed(connection.Logger, connection.Session.Id, connection.Session.RemoteAddress, nick, result.Error.ToString());
            connection.Reply(ChatErrorReplies.For(result, nick, connection.Session.Nick));
            return;
        }

        FrontEndLog.LoggedIn(connection.Logger, connection.Session.Id, connection.Session.RemoteAddress, result.Nick);
        connection.Reply(LineWriter.Ok(ChatErrorReplies.SignedIn("logged in as", result)));
        if (!wasRegistered)
            connection.OnRegistered();
    }
}

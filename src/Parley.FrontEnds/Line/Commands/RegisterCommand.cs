using Parley.Core.Presence;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/register &lt;password&gt;</c> (a guest owns the nick it uses) or
/// <c>/register &lt;nick&gt; &lt;password&gt;</c> (before taking a nick): create an account and log in.
/// </summary>
internal sealed class RegisterCommand : ILineCommand
{
    public string Name => "register";
    public string Usage => "/register <password>  (or /register <nick> <password>)";
    public string Summary => "make your nick an account with a password, and log in";
    public bool AllowedBeforeRegistration => true;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var session = connection.Session;
        string? nick = null;
        var password = arguments;
        if (!session.IsRegistered)
        {
            (nick, password) = LineRequestParser.SplitWord(arguments);
            if (password.Length == 0)
            {
                connection.Reply(LineWriter.Error(LineErrorCodes.NeedMoreParams, "usage: /register <nick> <password>, or take a nick with #<nick> first"));
                return;
            }
        }

        // A password never crosses an untrusted network in clear text (docs/tls.md).
        if (!connection.CheckPasswordAllowed())
            return;

        await connection.RepliesSentAsync();
        var result = await connection.Accounts.RegisterAsync(session, nick, password);
        if (result.Error != ChatError.None)
        {
            connection.Reply(ChatErrorReplies.For(result, nick ?? session.Nick, session.Nick));
            return;
        }

        FrontEndLog.AccountCreated(connection.Logger, session.Id, session.RemoteAddress, result.Nick);
        connection.Reply(LineWriter.Ok(ChatErrorReplies.SignedIn("registered and logged in as", result)));
        if (nick is not null)
            connection.OnRegistered();
    }
}

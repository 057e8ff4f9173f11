using Parley.Core.Presence;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/sapasswd &lt;account&gt; &lt;new password&gt;</c>: set a new password for someone's account (server operators only).</summary>
internal sealed class SaPasswdCommand : ILineCommand
{
    public string Name => "sapasswd";
    public string Usage => "/sapasswd <account> <new password>";
    public string Summary => "set a new password for an account whose owner lost theirs (server operators only)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;
    public bool RequiresServerOperator => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (name, password) = LineRequestParser.SplitWord(arguments);
        if (password.Length == 0)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.NeedMoreParams, $"usage: {Usage}"));
            return;
        }

        // A password never crosses an untrusted network in clear text (docs/tls.md).
        if (!connection.CheckPasswordAllowed())
            return;
        var (error, account) = await connection.Accounts.ResetPasswordByOperatorAsync(connection.Session, name, password);
        if (error != ChatError.None)
        {
            connection.Reply(error == ChatError.BadPassword
                ? ChatErrorReplies.BadPasswordFor(connection.Hub.AccountOptions.MinPasswordLength)
                : LineErrors.For(error, nick: name));
            return;
        }

        FrontEndLog.PasswordReset(connection.Logger, connection.Session.Id, account!, connection.Session.Nick!);
        connection.Reply(LineWriter.Ok($"password of {account} set"));
    }
}

using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/passwd &lt;old&gt; &lt;new&gt;</c>: change the logged-in account's password.</summary>
internal sealed class PasswdCommand : ILineCommand
{
    public string Name => "passwd";
    public string Usage => "/passwd <old password> <new password>";
    public string Summary => "change your password";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (oldPassword, newPassword) = LineRequestParser.SplitWord(arguments);
        if (newPassword.Length == 0)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.NeedMoreParams, $"usage: {Usage}"));
            return;
        }

        // A password never crosses an untrusted network in clear text (docs/tls.md).
        if (!connection.CheckPasswordAllowed())
            return;

        var result = await connection.Accounts.ChangePasswordAsync(connection.Session, oldPassword, newPassword);
        connection.Reply(result.Error == ChatError.None
            ? LineWriter.Ok("password changed")
            : result.Error == ChatError.BadPassword
                ? ChatErrorReplies.BadPasswordFor(connection.Hub.AccountOptions.MinPasswordLength)
                : ChatErrorReplies.For(result, connection.Session.Nick, connection.Session.Nick));
    }
}

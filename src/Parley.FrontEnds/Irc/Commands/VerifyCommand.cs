using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>VERIFY &lt;account&gt; &lt;code&gt;</c> (IRCv3 draft/account-registration). Parley's
/// <c>REGISTER</c> never asks for verification, so no code is ever pending:
/// <c>FAIL VERIFY INVALID_CODE</c>.
/// </summary>
internal sealed class VerifyCommand : IIrcCommand
{
    public string Name => "VERIFY";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => true;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var account = message.GetParameter(0) ?? "*";
        if (message.Parameters.Length < 2)
            connection.FromServer("FAIL", "VERIFY", "NEED_MORE_PARAMS", account, "Not enough parameters: VERIFY <account> <code>");
        else
            connection.FromServer("FAIL", "VERIFY", "INVALID_CODE", account, "No verification is pending: REGISTER needs none here");
        return ValueTask.CompletedTask;
    }
}

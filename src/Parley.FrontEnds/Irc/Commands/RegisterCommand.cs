using Parley.Core.Accounts;
using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>REGISTER &lt;account&gt; {&lt;email&gt; | *} &lt;password&gt;</c> (IRCv3 draft/account-registration):
/// makes the current nick an account and logs in, through <see cref="AccountService.RegisterAsync"/>
/// as NickServ <c>REGISTER</c> and the line protocol's <c>/register</c>. <c>REGISTER SUCCESS</c>
/// and <c>900</c>; no verification step (no mail is sent), so never <c>VERIFICATION_REQUIRED</c>.
/// </summary>
/// <remarks>
/// The account is the nick (<c>*</c> means the current one): another name is
/// <c>ACCOUNT_NAME_MUST_BE_NICK</c>, as the capability advertises no <c>custom-account-name</c>; and
/// no <c>before-connect</c>, so before registration it is <c>COMPLETE_CONNECTION_REQUIRED</c>.
/// </remarks>
internal sealed class RegisterCommand : IIrcCommand
{
    public string Name => "REGISTER";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => true;

    public async ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var account = message.GetParameter(0) ?? "*";
        if (message.Parameters.Length < 3)
        {
            Fail(connection, "NEED_MORE_PARAMS", account, "Not enough parameters: REGISTER <account> <email|*> <password>");
            return;
        }

        var session = connection.Session;
        if (!connection.IsRegistered)
        {
            Fail(connection, "COMPLETE_CONNECTION_REQUIRED", account, "Register your connection first (NICK and USER), then REGISTER");
            return;
        }

        if (account != "*" && !NickRules.Comparer.Equals(account, session.Nick))
        {
            Fail(connection, "ACCOUNT_NAME_MUST_BE_NICK", account, "The account name must be your current nick");
            return;
        }

        account = session.Nick!;
        if (session.IsLoggedIn)
        {
            Fail(connection, "ALREADY_AUTHENTICATED", account, "You are already logged in");
            return;
        }

        if (!connection.FrontEnd.LoginPolicy.PasswordAllowed(session.Security))
        {
            Fail(connection, "UNACCEPTABLE_PASSWORD", account, $"Passwords are refused on a plain connection: connect with TLS ({connection.FrontEnd.TlsPortHint})");
            return;
        }

        var result = await connection.FrontEnd.Accounts.RegisterAsync(session, nick: null, message.Parameters[2]);
        switch (result.Error)
        {
            case ChatError.None:
                connection.FromServer("REGISTER", "SUCCESS", result.Nick!, "Account created");
                connection.Numeric(IrcNumerics.RPL_LOGGEDIN, connection.Mask, result.Nick!, $"You are now logged in as {result.Nick}");
                break;
            case ChatError.NickRegistered:
                Fail(connection, "ACCOUNT_EXISTS", account, "Account already exists");
                break;
            case ChatError.BadPassword:
                Fail(connection, "UNACCEPTABLE_PASSWORD", account, PasswordRules.Describe(connection.Hub.AccountOptions.MinPasswordLength));
                break;
            case ChatError.InvalidNick or ChatError.NickTaken or ChatError.ServerBanned:
                Fail(connection, "BAD_ACCOUNT_NAME", account, "This account name cannot be registered");
                break;
            default:
                Fail(connection, "TEMPORARILY_UNAVAILABLE", account, "Registration is not possible now");
                break;
        }
    }

    private static void Fail(IrcConnection connection, string code, string account, string text) =>
        connection.FromServer("FAIL", "REGISTER", code, account, text);
}

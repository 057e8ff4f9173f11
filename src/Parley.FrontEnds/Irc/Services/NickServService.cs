using Parley.FrontEnds.Connections;
using System.Globalization;
using Parley.Core.Accounts;
using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Services;

/// <summary>
/// NickServ, the account service, with the commands Anope, Atheme and Ergo share: <c>REGISTER</c>,
/// <c>IDENTIFY</c>, <c>GHOST</c>, <c>REGAIN</c>, <c>SET PASSWORD</c>, <c>DROP</c>, <c>INFO</c>,
/// <c>HELP</c>. Each is a call to <see cref="AccountService"/>, the same the line protocol's
/// <c>/register</c>, <c>/login</c> and <c>/passwd</c> make; a Parley account is a NickServ
/// account whose name is its nick.
/// </summary>
internal sealed class NickServService : IrcService
{
    public override string Nick => ServiceNicks.NickServ;

    protected override ValueTask RunAsync(IrcConnection connection, string verb, string[] arguments) => verb switch
    {
        "REGISTER" => RegisterAsync(connection, arguments),
        "IDENTIFY" or "LOGIN" => IdentifyAsync(connection, arguments),
        "GHOST" => GhostAsync(connection, arguments, regain: false),
        "REGAIN" or "RECOVER" => GhostAsync(connection, arguments, regain: true),
        "SET" => SetAsync(connection, arguments),
        "DROP" => DropAsync(connection, arguments),
        "INFO" => InfoAsync(connection, arguments),
        "HELP" => Done(() => Help(connection)),
        _ => Done(() => Unknown(connection, verb)),
    };

    protected override void Help(IrcConnection connection)
    {
        Notice(connection, "NickServ keeps accounts: a registered nick is yours alone, and messages wait for you while you are away.");
        Notice(connection, "REGISTER <password>            make your current nick an account and log in");
        Notice(connection, "IDENTIFY [account] <password>  log in (your nick becomes the account's)");
        Notice(connection, "GHOST <nick> [password]        disconnect your account's other sessions");
        Notice(connection, "REGAIN <nick> [password]       GHOST, then log in to the account");
        Notice(connection, "SET PASSWORD <new password>    change your password");
        Notice(connection, "DROP <password>                delete your account");
        Notice(connection, "INFO [nick]                    show an account");
    }

    private static ValueTask Done(Action action)
    {
        action();
        return ValueTask.CompletedTask;
    }

    private async ValueTask RegisterAsync(IrcConnection connection, string[] arguments)
    {
        var session = connection.Session;
        if (arguments.Length == 0)
        {
            Syntax(connection, "REGISTER <password> [email]");
            return;
        }

        if (session.IsLoggedIn)
        {
            Notice(connection, $"You are already logged in as {session.AccountName}.");
            return;
        }

        if (!PasswordAllowed(connection))
            return;
        var result = await connection.FrontEnd.Accounts.RegisterAsync(session, nick: null, arguments[0]);
        switch (result.Error)
        {
            case ChatError.None:
                connection.Numeric(IrcNumerics.RPL_LOGGEDIN, connection.Mask, result.Nick!, $"You are now logged in as {result.Nick}");
                Notice(connection, $"Account {result.Nick} registered; you are now logged in.");
                break;
            case ChatError.NickRegistered:
                Notice(connection, $"{session.Nick} is already registered.");
                break;
            default:
                Notice(connection, ErrorText(connection, result, session.Nick ?? "*"));
                break;
        }
    }

    private async ValueTask IdentifyAsync(IrcConnection connection, string[] arguments)
    {
        if (arguments.Length == 0)
        {
            Syntax(connection, "IDENTIFY [account] <password>");
            return;
        }

        var (account, password) = arguments.Length == 1 ? (connection.Session.Nick!, arguments[0]) : (arguments[0], arguments[1]);
        await LogInAsync(connection, account, password);
    }

    // IDENTIFY and the second half of REGAIN: a login, as /login and PASS; a guest's nick becomes
    // the account's, and the client is told with a NICK line.
    private async ValueTask LogInAsync(IrcConnection connection, string account, string password)
    {
        var session = connection.Session;
        if (session.IsLoggedIn)
        {
            Notice(connection, $"You are already logged in as {session.AccountName}.");
            return;
        }

        if (!PasswordAllowed(connection))
            return;
        // Stored messages arrive as events during the sign-in: after the NICK line and 900.
        connection.HoldEventsUntilCommandEnds();
        var oldMask = connection.Mask;
        var old = session.Nick;
        var result = await connection.FrontEnd.Accounts.LoginAsync(session, account, password);
        if (result.Error != ChatError.None)
        {
            Notice(connection, ErrorText(connection, result, account));
            return;
        }

        if (!string.Equals(old, session.Nick, StringComparison.Ordinal))
            connection.Reply(new IrcMessage(oldMask, "NICK", session.Nick!));
        var accountName = result.Account ?? result.Nick!;
        connection.Numeric(IrcNumerics.RPL_LOGGEDIN, connection.Mask, accountName, $"You are now logged in as {accountName}");
        Notice(connection, $"Password accepted: you are now logged in as {accountName}.");
        if (result.Waiting > 0)
            Notice(connection, $"{result.Waiting} more stored messages wait; log in again to receive the next ones");
    }

    private async ValueTask GhostAsync(IrcConnection connection, string[] arguments, bool regain)
    {
        if (arguments.Length == 0)
        {
            Syntax(connection, regain ? "REGAIN <nick> [password]" : "GHOST <nick> [password]");
            return;
        }

        var password = arguments.Length > 1 ? arguments[1] : null;
        if (password is not null && !PasswordAllowed(connection))
            return;
        var result = await connection.FrontEnd.Accounts.GhostAsync(connection.Session, arguments[0], password);
        if (result.Error != ChatError.None)
        {
            Notice(connection, ErrorText(connection, result, arguments[0]));
            return;
        }

        Notice(connection, result.Delivered == 0
            ? $"{result.Nick} has no other session to disconnect."
            : $"{result.Nick} has been ghosted ({result.Delivered} session{(result.Delivered == 1 ? "" : "s")} disconnected).");
        if (regain && !connection.Session.IsLoggedIn && password is not null)
            await LogInAsync(connection, result.Nick!, password);
    }

    private async ValueTask SetAsync(IrcConnection connection, string[] arguments)
    {
        if (arguments.Length < 2 || !arguments[0].Equals("PASSWORD", StringComparison.OrdinalIgnoreCase))
        {
            Syntax(connection, "SET PASSWORD <new password>");
            return;
        }

        if (!PasswordAllowed(connection))
            return;
        var error = await connection.FrontEnd.Accounts.SetPasswordAsync(connection.Session, arguments[1]);
        Notice(connection, error == ChatError.None
            ? "Password changed."
            : ErrorText(connection, SignInResult.Refused(error), connection.Session.AccountName ?? connection.Session.Nick ?? "*"));
    }

    private async ValueTask DropAsync(IrcConnection connection, string[] arguments)
    {
        var session = connection.Session;
        if (arguments.Length == 0)
        {
            Syntax(connection, "DROP <password>");
            return;
        }

        // "DROP <account> <password>" (Atheme) names the account as a confirmation.
        var password = arguments[^1];
        if (arguments.Length > 1 && !NickRules.Comparer.Equals(arguments[0], session.AccountName ?? session.Nick))
        {
            Notice(connection, "You can only drop the account you are logged in to.");
            return;
        }

        if (!session.IsLoggedIn)
        {
            Notice(connection, ErrorText(connection, SignInResult.Refused(ChatError.NotLoggedIn), "*"));
            return;
        }

        if (!PasswordAllowed(connection))
            return;
        var result = await connection.FrontEnd.Accounts.DropAsync(session, password);
        if (result.Error != ChatError.None)
        {
            Notice(connection, ErrorText(connection, result, session.AccountName ?? "*"));
            return;
        }

        FrontEndLog.AccountDropped(connection.Logger, session.Id, result.Nick!, result.Nick!);
        // The core closed the account's other sessions; this one closes after the answer.
        Notice(connection, $"Account {result.Nick} has been dropped; reconnect to use the nick as a guest.");
        connection.Close("account dropped");
    }

    private async ValueTask InfoAsync(IrcConnection connection, string[] arguments)
    {
        var nick = arguments.Length > 0 ? arguments[0] : connection.Session.AccountName ?? connection.Session.Nick ?? "*";
        if (await connection.FrontEnd.Accounts.GetInfoAsync(nick) is not { } info)
        {
            Notice(connection, $"{nick} is not registered.");
            return;
        }

        Notice(connection, $"Information on {info.Nick} (account {info.Nick}):");
        Notice(connection, "Registered : " + info.RegisteredUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        Notice(connection, "Status     : " + (info.Online ? "online" : "offline"));
        Notice(connection, "*** End of Info ***");
    }

    private static string ErrorText(IrcConnection connection, SignInResult result, string nick) => result.Error switch
    {
        ChatError.AuthFailed => "Invalid account or password.",
        ChatError.RateLimited => $"Too many failed logins: try again in {Math.Max(1, (int)Math.Ceiling(result.RetryAfter.TotalSeconds))} s.",
        ChatError.BadPassword => $"That password is not acceptable: {PasswordRules.Describe(connection.Hub.AccountOptions.MinPasswordLength)}.",
        ChatError.NotLoggedIn => "You are not logged in: /msg NickServ IDENTIFY <account> <password> first.",
        ChatError.AlreadyLoggedIn => $"You are already logged in as {connection.Session.AccountName}.",
        ChatError.NickTaken => $"{nick} is in use by someone else.",
        ChatError.NickRegistered => $"{nick} is already registered.",
        ChatError.NoSuchNick => $"{nick} is not registered.",
        ChatError.InvalidNick => $"{nick} is not a valid nick.",
        ChatError.ServerBanned => $"{nick} is banned from this server.",
        ChatError.TooManyRegistrations => $"Too many new accounts lately: try again in {Math.Max(1, (int)Math.Ceiling(result.RetryAfter.TotalSeconds))} s.",
        ChatError.ServerBusy => "The server is checking too many passwords at once: try again in a few seconds.",
        ChatError.TooManySessions => $"{nick} is logged in from {connection.Hub.AccountOptions.MaxSessionsPerAccount} connections, the most allowed.",
        _ => "That did not work: " + result.Error,
    };
}

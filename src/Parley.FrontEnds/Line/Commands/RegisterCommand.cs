using Parley.Core.Presence;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/register &lt;password&gt;</c> (a guest owns the nick it uses) or
/// <c>/register &lt;nick&gt; &lt;password&gt;</c> (before taking a nick): create an account and log in.
/// <c>/register #room</c> registers a room to the logged-in account (an op of the room).
/// </summary>
internal sealed class RegisterCommand : ILineCommand
{
    public string Name => "register";
    public string Usage => "/register <password>  (or /register <nick> <password>, or /register #<room>)";
    public string Summary => "make your nick an account with a password, and log in; or register a room you op to your account";
    public bool AllowedBeforeRegistration => true;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        // "/register #room": one word naming a room registers the room, not an account.
        if (arguments.StartsWith('#') && !arguments.Contains(' ', StringComparison.Ordinal))
        {
            await RegisterRoomAsync(connection, arguments);
            return;
        }

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
            connection.Reply(result.Error == ChatError.BadPassword
                ? ChatErrorReplies.BadPasswordFor(connection.Hub.AccountOptions.MinPasswordLength)
                : ChatErrorReplies.For(result, nick ?? session.Nick, session.Nick, connection.AccountOptions.MaxSessionsPerAccount));
            return;
        }

        FrontEndLog.AccountCreated(connection.Logger, session.Id, session.RemoteAddress, result.Nick);
        connection.Reply(LineWriter.Ok(ChatErrorReplies.SignedIn("registered and logged in as", result)));
        if (nick is not null)
            connection.OnRegistered();
    }

    private static async ValueTask RegisterRoomAsync(LineConnection connection, string room)
    {
        var error = await connection.Rooms.RegisterAsync(connection.Session, room);
        connection.Reply(error switch
        {
            ChatError.None => LineWriter.Ok($"registered {room} to {connection.Session.Nick}"),
            ChatError.NotLoggedIn => ChatErrorReplies.NotLoggedIn,
            _ => LineErrors.For(error, room),
        });
    }
}

using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/nick &lt;nick&gt;</c> and the seeds' <c>#nick</c>: take a guest nick, or change yours.</summary>
internal sealed class NickCommand : ILineCommand
{
    public string Name => "nick";
    public string Usage => "/nick <nick>  (or #<nick>)";
    public string Summary => "use a nick as a guest, or change yours";
    public bool AllowedBeforeRegistration => true;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var nick = arguments;
        var wasRegistered = connection.Session.IsRegistered;
        var error = await connection.Hub.RegisterGuestAsync(connection.Session, nick);
        connection.Reply(error switch
        {
            ChatError.None when wasRegistered => LineWriter.Ok($"you are now {nick}"),
            ChatError.None => LineWriter.Ok($"registered as {nick}"),
            ChatError.NickTaken => ChatErrorReplies.NickTaken(nick),
            ChatError.NickRegistered => ChatErrorReplies.NickRegistered(nick),
            ChatError.GuestsDisabled => ChatErrorReplies.GuestsDisabled,
            ChatError.AlreadyLoggedIn => ChatErrorReplies.AlreadyLoggedIn(connection.Session.Nick),
            _ => ChatErrorReplies.InvalidNick,
        });
        if (error == ChatError.None && !wasRegistered)
            connection.OnRegistered();
    }
}

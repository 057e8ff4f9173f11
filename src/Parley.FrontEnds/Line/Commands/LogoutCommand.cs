using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/logout</c>: sign out; the connection stays open without a nick.</summary>
internal sealed class LogoutCommand : ILineCommand
{
    public string Name => "logout";
    public string Usage => "/logout";
    public string Summary => "log out; take a nick or log in again to go on";
    public bool AllowedBeforeRegistration => true;
    public bool RequiresArguments => false;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var nick = connection.Session.Nick;
        connection.Reply(connection.Hub.SignOut(connection.Session) == ChatError.None
            ? LineWriter.Ok($"logged out of {nick}")
            : ChatErrorReplies.NotLoggedIn);
        return ValueTask.CompletedTask;
    }
}

using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/whoami</c>: your nick, and whether you are logged in or a guest.</summary>
internal sealed class WhoamiCommand : ILineCommand
{
    public string Name => "whoami";
    public string Usage => "/whoami";
    public string Summary => "show your nick and whether you are logged in";
    public bool AllowedBeforeRegistration => true;
    public bool RequiresArguments => false;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var session = connection.Session;
        connection.Reply(LineWriter.Ok(session.Nick switch
        {
            null => "you have no nick yet",
            var nick when session.IsLoggedIn => $"you are {nick}, logged in",
            var nick => $"you are {nick}, a guest",
        }));
        return ValueTask.CompletedTask;
    }
}

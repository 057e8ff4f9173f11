using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/users</c>: who is online, to the asker only.</summary>
internal sealed class UsersCommand : ILineCommand
{
    public string Name => "users";
    public string Usage => "/users";
    public string Summary => "list who is online";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => false;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var nicks = connection.Hub.OnlineNicks().Order(NickRules.Comparer).ToList();
        connection.Reply(LineWriter.Users(nicks));
        connection.Reply(LineWriter.Ok(Counted.Of(nicks.Count, "user") + " online"));
        return ValueTask.CompletedTask;
    }
}

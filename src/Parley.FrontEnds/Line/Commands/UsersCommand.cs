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
        var nicks = connection.Hub.OnlineNicks().ToList();
        // Users on other nodes of a cluster (none on one node) that no session here holds.
        if (connection.Hub.Directory.Count > 0)
            nicks = [.. nicks.Union(connection.Hub.Directory.Users().Select(user => user.Nick), NickRules.Comparer)];
        nicks.Sort(NickRules.Comparer);
        connection.Reply(LineWriter.Users(nicks));
        connection.Reply(LineWriter.Ok(Counted.Of(nicks.Count, "user") + " online"));
        return ValueTask.CompletedTask;
    }
}

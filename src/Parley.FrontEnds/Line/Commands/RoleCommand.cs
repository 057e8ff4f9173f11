using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/op</c>, <c>/deop</c>, <c>/voice</c>, <c>/devoice #room nick</c>: give or take a role. One
/// class, four table entries: they differ only in the role and the direction.
/// </summary>
internal sealed class RoleCommand(string name, MemberRole role, bool grant) : ILineCommand
{
    private readonly string _roleName = role == MemberRole.Op ? "op" : "voice";

    public string Name => name;
    public string Usage => $"/{name} #<room> <nick>";
    public string Summary => grant ? $"give {_roleName} to a member (ops only)" : $"take {_roleName} from a member (ops only)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (room, rest) = LineRequestParser.SplitWord(arguments);
        var (nick, _) = LineRequestParser.SplitWord(rest);
        if (nick.Length == 0)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.NeedMoreParams, $"usage: {Usage}"));
            return ValueTask.CompletedTask;
        }

        var error = connection.Rooms.SetRole(connection.Session, room, nick, role, grant);
        connection.Reply(error == ChatError.None
            ? LineWriter.Ok(grant ? $"{nick} has {_roleName} in {room}" : $"{nick} has no {_roleName} in {room}")
            : LineErrors.For(error, room, nick));
        return ValueTask.CompletedTask;
    }
}

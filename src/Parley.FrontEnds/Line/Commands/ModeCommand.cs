using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/mode #room [+-modes [key]]</c>: show a room's modes, or change them (ops only).</summary>
internal sealed class ModeCommand : ILineCommand
{
    public string Name => "mode";
    public string Usage => "/mode #<room> [+|-<i k m n s t> [key]]";
    public string Summary => "show or change modes: +i invite-only, +k key, +m moderated, +s secret, +t ops set the topic";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (name, rest) = LineRequestParser.SplitWord(arguments);
        var (changes, tail) = LineRequestParser.SplitWord(rest);
        if (changes.Length == 0)
        {
            var found = connection.Rooms.FindVisible(connection.Session, name, out var room);
            connection.Reply(found == ChatError.None
                ? LineWriter.Ok($"{room!.Name} modes {RoomModeLetters.Format(room.Modes)}")
                : LineErrors.For(found, name));
            return;
        }

        if (!TryParse(changes, out var add, out var remove))
        {
            connection.Reply(LineErrors.For(ChatError.InvalidMode, name));
            return;
        }

        var (key, _) = LineRequestParser.SplitWord(tail);
        var error = await connection.Rooms.SetModesAsync(connection.Session, name, add, remove, key.Length == 0 ? null : key);
        if (error != ChatError.None)
        {
            connection.Reply(LineErrors.For(error, name));
            return;
        }

        var modes = connection.Rooms.Find(name)?.Modes ?? RoomModes.None;
        connection.Reply(LineWriter.Ok($"{name} modes {RoomModeLetters.Format(modes)}"));
    }

    // "+ik-m": a sign first, then letters; each sign applies to the letters after it.
    private static bool TryParse(string changes, out RoomModes add, out RoomModes remove)
    {
        add = RoomModes.None;
        remove = RoomModes.None;
        if (changes[0] is not ('+' or '-'))
            return false;
        var adding = true;
        foreach (var c in changes)
        {
            if (c is '+' or '-')
                adding = c == '+';
            else if (!RoomModeLetters.TryParse(c, out var mode))
                return false;
            else if (adding)
                add |= mode;
            else
                remove |= mode;
        }

        return add != RoomModes.None || remove != RoomModes.None;
    }
}

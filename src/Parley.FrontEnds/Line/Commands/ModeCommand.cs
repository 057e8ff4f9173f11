using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/mode #room [+-modes [key] [limit]]</c>: show a room's modes, or change them (ops only). The
/// words after the mode string go, in order, to each <c>+k</c> (the key) and <c>+l</c> (the limit).
/// </summary>
internal sealed class ModeCommand : ILineCommand
{
    public string Name => "mode";
    public string Usage => "/mode #<room> [+|-<C i k l m n s t> [key] [limit]]";
    public string Summary => "show or change modes: +C no CTCP, +i invite-only, +k key, +l member limit, +m moderated, +n members only speak, +s secret, +t ops set the topic";
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

        string? key = null;
        int? limit = null;
        var adding = true;
        foreach (var c in changes)
        {
            if (c is '+' or '-')
                adding = c == '+';
            else if (adding && c is 'k' or 'l')
            {
                (var word, tail) = LineRequestParser.SplitWord(tail);
                if (c == 'k')
                    key = word.Length == 0 ? null : word;
                else
                    limit = int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
            }
        }

        var error = await connection.Rooms.SetModesAsync(connection.Session, name, add, remove, key, limit);
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

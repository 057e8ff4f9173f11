using System.Text;

namespace Parley.Core.Rooms;

/// <summary>The letters of <see cref="RoomModes"/> (<c>C i k l m n s t</c>), as IRC spells them.</summary>
public static class RoomModeLetters
{
    /// <summary>The mode a letter stands for.</summary>
    /// <param name="letter">One of <c>C i k l m n s t</c>.</param>
    /// <param name="mode">The mode when known.</param>
    /// <returns>False for any other letter.</returns>
    public static bool TryParse(char letter, out RoomModes mode)
    {
        mode = letter switch
        {
            'C' => RoomModes.NoCtcp,
            'i' => RoomModes.InviteOnly,
            'k' => RoomModes.Keyed,
            'l' => RoomModes.Limited,
            'm' => RoomModes.Moderated,
            'n' => RoomModes.NoExternal,
            's' => RoomModes.Secret,
            't' => RoomModes.TopicLocked,
            _ => RoomModes.None,
        };
        return mode != RoomModes.None;
    }

    /// <summary>Formats modes as <c>+Ciklmnst</c> in that order; <c>+</c> alone when none.</summary>
    /// <param name="modes">The modes.</param>
    /// <returns>The mode string.</returns>
    public static string Format(RoomModes modes)
    {
        var text = new StringBuilder("+", 9);
        if (modes.HasFlag(RoomModes.NoCtcp))
            text.Append('C');
        if (modes.HasFlag(RoomModes.InviteOnly))
            text.Append('i');
        if (modes.HasFlag(RoomModes.Keyed))
            text.Append('k');
        if (modes.HasFlag(RoomModes.Limited))
            text.Append('l');
        if (modes.HasFlag(RoomModes.Moderated))
            text.Append('m');
        if (modes.HasFlag(RoomModes.NoExternal))
            text.Append('n');
        if (modes.HasFlag(RoomModes.Secret))
            text.Append('s');
        if (modes.HasFlag(RoomModes.TopicLocked))
            text.Append('t');
        return text.ToString();
    }
}

using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// Channel <c>MODE</c> on a room. <c>MODE #chan</c>: 324 (with the key for members) and 329.
/// <c>MODE #chan +b</c>: the ban list (367 per mask, 368). Changes: <c>+i +k key +m +n +s +t</c>
/// (and <c>-</c>), <c>+o/-o nick</c>, <c>+v/-v nick</c>, <c>+b/-b mask</c>; every member sees
/// what changed as MODE lines from the core's events. 482 without op, 441 for a nick not on the
/// channel (401 for one not online at all), 472 for an unknown letter, 403 for no such channel. At most
/// <see cref="MaxParameterModes"/> modes with a parameter per command (MODES in ISUPPORT).
/// </summary>
/// <remarks>
/// Owner (<c>q</c>, shown <c>~</c>) is not given or taken by MODE: a room's owner is the account
/// it is registered to; <c>+q</c> and <c>-q</c> get 482. The owner may <c>-o</c> itself.
/// </remarks>
internal static class ChannelModes
{
    /// <summary>Most modes with a parameter in one MODE command (ISUPPORT MODES).</summary>
    public const int MaxParameterModes = 4;

    /// <summary>Runs a channel MODE command.</summary>
    public static async ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var channel = message.Parameters[0];
        var rooms = connection.Hub.Rooms;
        if (rooms.FindVisible(connection.Session, channel, out var room) is var error and not ChatError.None)
        {
            IrcChannelReplies.Error(connection, error, channel);
            return;
        }

        if (message.GetParameter(1) is not { Length: > 0 } modes)
        {
            SendModes(connection, room!);
            return;
        }

        var change = Parse(connection, modes, message.Parameters.Skip(2).ToArray());
        if (change.ListBans)
            SendBans(connection, room!);
        if (change.Add != RoomModes.None || change.Remove != RoomModes.None)
        {
            error = await rooms.SetModesAsync(connection.Session, channel, change.Add, change.Remove, change.Key);
            if (error != ChatError.None)
            {
                IrcChannelReplies.Error(connection, error, channel);
                return;
            }
        }

        foreach (var (letter, adding, argument) in change.WithParameter)
        {
            error = letter switch
            {
                'o' => rooms.SetRole(connection.Session, channel, argument, MemberRole.Op, adding),
                'v' => rooms.SetRole(connection.Session, channel, argument, MemberRole.Voice, adding),
                'q' => ChatError.NotRoomOperator,
                _ => await SetBanAsync(connection, channel, argument, adding),
            };
            if (error == ChatError.None)
                continue;
            // A nick that is nowhere is 401 (modern.ircdocs.horse, MODE); one elsewhere is 441.
            if (error == ChatError.TargetNotInRoom && letter is 'o' or 'v' && connection.Hub.FindByNick(argument) is null)
                error = ChatError.NoSuchNick;
            IrcChannelReplies.Error(connection, error, channel, argument);
            if (error is not (ChatError.TargetNotInRoom or ChatError.NoSuchNick))
                return;
        }
    }

    private static ValueTask<ChatError> SetBanAsync(IrcConnection connection, string channel, string mask, bool adding)
    {
        var parley = IrcBanMasks.FromIrc(mask);
        // A mask Parley cannot hold is ignored, as servers drop masks they cannot parse.
        return BanMask.IsValid(parley)
            ? connection.Hub.Rooms.SetBanAsync(connection.Session, channel, parley, adding)
            : ValueTask.FromResult(ChatError.None);
    }

    private static Change Parse(IrcConnection connection, string modes, string[] arguments)
    {
        var change = new Change();
        var adding = true;
        var next = 0;
        foreach (var c in modes)
        {
            if (c is '+' or '-')
            {
                adding = c == '+';
                continue;
            }

            if (RoomModeLetters.TryParse(c, out var mode) && c != 'k')
            {
                if (adding)
                    change.Add |= mode;
                else
                    change.Remove |= mode;
                continue;
            }

            switch (c)
            {
                case 'k':
                    // CHANMODES type B: -k takes a parameter too, which is ignored.
                    var key = next < arguments.Length ? arguments[next++] : null;
                    if (!adding)
                        change.Remove |= RoomModes.Keyed;
                    else if (key is not null)
                        (change.Add, change.Key) = (change.Add | RoomModes.Keyed, key);
                    break;
                case 'o' or 'v' or 'q' or 'b':
                    if (next >= arguments.Length)
                    {
                        change.ListBans |= c == 'b';
                        break;
                    }

                    if (change.WithParameter.Count < MaxParameterModes)
                        change.WithParameter.Add((c, adding, arguments[next]));
                    next++;
                    break;
                default:
                    connection.Numeric(IrcNumerics.ERR_UNKNOWNMODE, c.ToString(), "is unknown mode char to me");
                    break;
            }
        }

        return change;
    }

    private static void SendModes(IrcConnection connection, Room room)
    {
        var modes = RoomModeLetters.Format(room.Modes);
        if (room.Key is { } key && room.FindMember(connection.Session) is not null)
            connection.Numeric(IrcNumerics.RPL_CHANNELMODEIS, room.Name, modes, key);
        else
            connection.Numeric(IrcNumerics.RPL_CHANNELMODEIS, room.Name, modes);
        connection.Numeric(IrcNumerics.RPL_CREATIONTIME, room.Name, IrcChannelReplies.UnixTime(room.CreatedAt));
    }

    private static void SendBans(IrcConnection connection, Room room)
    {
        foreach (var ban in room.Bans)
            connection.Numeric(IrcNumerics.RPL_BANLIST, room.Name, IrcBanMasks.ToIrc(ban.Mask), ban.SetBy, IrcChannelReplies.UnixTime(ban.SetAt));
        connection.Numeric(IrcNumerics.RPL_ENDOFBANLIST, room.Name, "End of channel ban list");
    }

    private sealed class Change
    {
        public RoomModes Add { get; set; }
        public RoomModes Remove { get; set; }
        public string? Key { get; set; }
        public bool ListBans { get; set; }
        public List<(char Letter, bool Adding, string Argument)> WithParameter { get; } = [];
    }
}

using Parley.FrontEnds.Connections;
using System.Globalization;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// Channel <c>MODE</c> on a room. <c>MODE #chan</c>: 324 (with the key for members, and the limit)
/// and 329. <c>MODE #chan +b</c>, <c>+e</c>, <c>+I</c>: the lists (367/368, 348/349, 346/347).
/// Changes: <c>+C +i +k key +l limit +m +n +s +t</c> (and <c>-</c>; <c>-l</c> takes no parameter),
/// <c>+o/-o nick</c>, <c>+v/-v nick</c>, <c>+b/-b mask</c> (<c>~a:account</c> bans an account,
/// <c>~m:mask</c> mutes), <c>+e/-e mask</c>, <c>+I/-I mask</c>; every member sees what changed as
/// MODE lines from the core's events. 482 without op, 441 for a nick not on the channel (401 for
/// one not online at all), 472 for an unknown letter, 696 for a bad limit, 403 for no such channel.
/// At most <see cref="MaxParameterModes"/> modes with a parameter per command (MODES in ISUPPORT).
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

        var change = Parse(connection, room!, modes, message.Parameters.Skip(2).ToArray());
        foreach (var letter in change.ListQueries)
            SendList(connection, room!, letter);
        if (change.Add != RoomModes.None || change.Remove != RoomModes.None)
        {
            error = await rooms.SetModesAsync(connection.Session, channel, change.Add, change.Remove, change.Key, change.Limit);
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
                _ => await SetListEntryAsync(connection, channel, letter, argument, adding),
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

    private static ValueTask<ChatError> SetListEntryAsync(IrcConnection connection, string channel, char letter, string mask, bool adding)
    {
        var list = letter switch
        {
            'e' => RoomList.Exceptions,
            'I' => RoomList.InviteExceptions,
            _ when mask.StartsWith(IrcBanMasks.MutePrefix, StringComparison.Ordinal) => RoomList.Mutes,
            _ => RoomList.Bans,
        };
        var parley = IrcBanMasks.FromIrc(list == RoomList.Mutes ? mask[IrcBanMasks.MutePrefix.Length..] : mask);
        // A mask Parley cannot hold is ignored, as servers drop masks they cannot parse.
        return BanMask.IsValid(parley)
            ? SetAndLogAsync(connection, channel, list, parley, adding)
            : ValueTask.FromResult(ChatError.None);
    }

    private static async ValueTask<ChatError> SetAndLogAsync(IrcConnection connection, string channel, RoomList list, string mask, bool adding)
    {
        var error = await connection.Hub.Rooms.SetListEntryAsync(connection.Session, channel, list, mask, adding);
        if (error == ChatError.None)
            FrontEndLog.RoomListChanged(connection.Logger, connection.Session.Nick!, adding ? "added" : "removed", mask, ListName(list), channel);
        return error;
    }

    private static string ListName(RoomList list) => list switch
    {
        RoomList.Bans => "ban",
        RoomList.Mutes => "mute",
        RoomList.Exceptions => "ban exception",
        RoomList.InviteExceptions => "invite exception",
        _ => list.ToString(),
    };

    private static Change Parse(IrcConnection connection, Room room, string modes, string[] arguments)
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

            if (c is not ('k' or 'l') && RoomModeLetters.TryParse(c, out var mode))
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
                case 'l':
                    // CHANMODES type C: +l takes a parameter, -l none.
                    if (!adding)
                    {
                        change.Remove |= RoomModes.Limited;
                        break;
                    }

                    if (next >= arguments.Length)
                        break;
                    var given = arguments[next++];
                    if (int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= RoomHub.MaxMemberLimit)
                        (change.Add, change.Limit) = (change.Add | RoomModes.Limited, limit);
                    else
                        connection.Numeric(IrcNumerics.ERR_INVALIDMODEPARAM, room.Name, "l", given, $"Invalid limit: a number from 1 to {RoomHub.MaxMemberLimit}");
                    break;
                case 'o' or 'v' or 'q' or 'b' or 'e' or 'I':
                    if (next >= arguments.Length)
                    {
                        if (c is 'b' or 'e' or 'I' && !change.ListQueries.Contains(c))
                            change.ListQueries.Add(c);
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
        List<string> parameters = [room.Name, RoomModeLetters.Format(room.Modes)];
        if (room.Key is { } key && room.FindMember(connection.Session) is not null)
            parameters.Add(key);
        if (room.Modes.HasFlag(RoomModes.Limited))
            parameters.Add(room.Limit.ToString(CultureInfo.InvariantCulture));
        connection.Numeric(IrcNumerics.RPL_CHANNELMODEIS, parameters);
        connection.Numeric(IrcNumerics.RPL_CREATIONTIME, room.Name, IrcChannelReplies.UnixTime(room.CreatedAt));
    }

    // 367/368 (bans and, as ~m:, mutes), 348/349 (exceptions), 346/347 (invite exceptions).
    private static void SendList(IrcConnection connection, Room room, char letter)
    {
        var (lists, entry, end, text) = letter switch
        {
            'e' => (new[] { RoomList.Exceptions }, IrcNumerics.RPL_EXCEPTLIST, IrcNumerics.RPL_ENDOFEXCEPTLIST, "End of channel exception list"),
            'I' => (new[] { RoomList.InviteExceptions }, IrcNumerics.RPL_INVITELIST, IrcNumerics.RPL_ENDOFINVITELIST, "End of channel invite list"),
            _ => (new[] { RoomList.Bans, RoomList.Mutes }, IrcNumerics.RPL_BANLIST, IrcNumerics.RPL_ENDOFBANLIST, "End of channel ban list"),
        };
        foreach (var list in lists)
        {
            foreach (var mask in room.List(list))
                connection.Numeric(entry, room.Name, IrcBanMasks.ToIrc(list, mask.Mask), mask.SetBy, IrcChannelReplies.UnixTime(mask.SetAt));
        }

        connection.Numeric(end, room.Name, text);
    }

    private sealed class Change
    {
        public RoomModes Add { get; set; }
        public RoomModes Remove { get; set; }
        public string? Key { get; set; }
        public int? Limit { get; set; }
        public List<char> ListQueries { get; } = [];
        public List<(char Letter, bool Adding, string Argument)> WithParameter { get; } = [];
    }
}

using System.Globalization;
using System.Text;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>Replies about channels shared by several commands: errors, topic, names, prefixes.</summary>
internal static class IrcChannelReplies
{
    /// <summary>Answers a refusal of the rooms with its numeric (modern.ircdocs.horse wording).</summary>
    /// <param name="connection">The asker.</param>
    /// <param name="error">Why the core refused.</param>
    /// <param name="channel">The channel as the client named it.</param>
    /// <param name="nick">The target nick, for errors about one (441, 443, 401).</param>
    public static void Error(IrcConnection connection, ChatError error, string channel, string? nick = null)
    {
        switch (error)
        {
            case ChatError.None:
                break;
            case ChatError.AlreadyInRoom when nick is null:
                break;
            case ChatError.InvalidRoom or ChatError.NoSuchRoom:
                connection.Numeric(IrcNumerics.ERR_NOSUCHCHANNEL, channel, "No such channel");
                break;
            case ChatError.NotInRoom:
                connection.Numeric(IrcNumerics.ERR_NOTONCHANNEL, channel, "You're not on that channel");
                break;
            case ChatError.NotRoomOperator:
                connection.Numeric(IrcNumerics.ERR_CHANOPRIVSNEEDED, channel, "You're not channel operator");
                break;
            case ChatError.TargetNotInRoom:
                connection.Numeric(IrcNumerics.ERR_USERNOTINCHANNEL, nick ?? "*", channel, "They aren't on that channel");
                break;
            case ChatError.AlreadyInRoom:
                connection.Numeric(IrcNumerics.ERR_USERONCHANNEL, nick!, channel, "is already on channel");
                break;
            case ChatError.NoSuchNick:
                connection.Numeric(IrcNumerics.ERR_NOSUCHNICK, nick ?? channel, "No such nick/channel");
                break;
            case ChatError.Banned:
                connection.Numeric(IrcNumerics.ERR_BANNEDFROMCHAN, channel, "Cannot join channel (+b)");
                break;
            case ChatError.BadKey:
                connection.Numeric(IrcNumerics.ERR_BADCHANNELKEY, channel, "Cannot join channel (+k)");
                break;
            case ChatError.InviteOnly:
                connection.Numeric(IrcNumerics.ERR_INVITEONLYCHAN, channel, "Cannot join channel (+i)");
                break;
            case ChatError.RoomFull:
                connection.Numeric(IrcNumerics.ERR_CHANNELISFULL, channel, "Cannot join channel (+l)");
                break;
            case ChatError.TooManyRooms:
                connection.Numeric(IrcNumerics.ERR_TOOMANYCHANNELS, channel, "You have joined too many channels");
                break;
            case ChatError.CannotSend:
                connection.Numeric(IrcNumerics.ERR_CANNOTSENDTOCHAN, channel, "Cannot send to channel");
                break;
            case ChatError.InvalidMask:
                connection.Numeric(IrcNumerics.ERR_BANLISTFULL, channel, "b", "Channel list is full");
                break;
            case ChatError.InvalidMode:
                connection.Numeric(IrcNumerics.ERR_INVALIDKEY, channel, "Key is not well-formed");
                break;
            default:
                connection.FromServer("FAIL", "*", "UNKNOWN_ERROR", channel, error.ToString());
                break;
        }
    }

    /// <summary>332 and 333 when the room has a topic; with <paramref name="orNone"/>, 331 when not.</summary>
    public static void Topic(IrcConnection connection, Room room, bool orNone)
    {
        if (room.Topic is { } topic)
        {
            connection.Numeric(IrcNumerics.RPL_TOPIC, room.Name, IrcText.ForWire(topic.Text));
            // modern.ircdocs.horse RPL_TOPICWHOTIME: "<client> <channel> <nick> <setat>", where
            // servers give nick!user@host when they know it (Ergo, InspIRCd); a restored topic has the nick only.
            var setBy = topic.SetByAddress is { } address ? IrcEventEncoder.Mask(topic.SetBy, address) : topic.SetBy;
            connection.Numeric(IrcNumerics.RPL_TOPICWHOTIME, room.Name, setBy, UnixTime(topic.SetAt));
        }
        else if (orNone)
        {
            connection.Numeric(IrcNumerics.RPL_NOTOPIC, room.Name, "No topic is set");
        }
    }

    /// <summary>353 lines (as many as the 512-byte limit needs) and 366 for a room.</summary>
    /// <param name="connection">The asker.</param>
    /// <param name="room">The room.</param>
    /// <param name="roster">The members to list: a join's snapshot, or null for the room's current ones.</param>
    public static void Names(IrcConnection connection, Room room, RoomRoster? roster = null)
    {
        var symbol = room.IsSecret ? "@" : "=";
        var multi = connection.Has(IrcCapabilities.MultiPrefix);
        var userhost = connection.Has(IrcCapabilities.UserhostInNames);
        var prefix = $":{connection.ServerName} {IrcNumerics.RPL_NAMREPLY} {connection.Session.Nick} {symbol} {room.Name} :";
        // Room for the names within 512 bytes with CR LF, and for a label or time tag's worth of slack.
        var budget = IrcLimits.MaxLineBytes - 2 - prefix.Length;
        var line = new StringBuilder();
        // Appended piece by piece: a 5,000-member room is listed to each of 5,000 joiners in a storm.
        if (room.RemoteCount == 0)
        {
            foreach (var member in (roster ?? room.Roster).Entries)
                Append(member.Role, member.Session.Nick ?? "*", member.Session.UserAddress);
        }
        else
        {
            // Members on other nodes of a cluster too, merged in the roster's order.
            foreach (var member in connection.Hub.Rooms.Listing(room, roster))
                Append(member.Role, member.Nick, member.Address);
        }

        if (line.Length > 0)
            connection.Numeric(IrcNumerics.RPL_NAMREPLY, symbol, room.Name, line.ToString());
        connection.Numeric(IrcNumerics.RPL_ENDOFNAMES, room.Name, "End of /NAMES list");

        void Append(MemberRole role, string nick, Core.Events.UserAddress address)
        {
            var rights = Prefix(role, multi);
            // userhost-in-names (ircv3.net/specs/extensions/userhost-in-names): nick!user@host.
            var name = userhost ? IrcEventEncoder.Mask(nick, address) : nick;
            if (line.Length > 0 && line.Length + 1 + rights.Length + name.Length > budget)
            {
                connection.Numeric(IrcNumerics.RPL_NAMREPLY, symbol, room.Name, line.ToString());
                line.Clear();
            }

            if (line.Length > 0)
                line.Append(' ');
            line.Append(rights).Append(name);
        }
    }

    /// <summary>
    /// The members once per nick (an account on several devices is in a room once per device),
    /// with the rights of all its sessions there, highest prefix first, then by nick.
    /// </summary>
    /// <remarks>The room's cached <see cref="Room.Roster"/>.</remarks>
    public static IEnumerable<RoomMember> Distinct(Room room) => room.Roster.Entries;

    /// <summary>
    /// The membership prefixes of PREFIX=(qov)~@+: the highest only, or with multi-prefix all of
    /// them, highest first. An owner is also an op, so it shows <c>~@</c> with multi-prefix.
    /// </summary>
    public static string Prefix(MemberRole role, bool all)
    {
        if (!all)
            return role.HasFlag(MemberRole.Owner) ? "~" : role.HasFlag(MemberRole.Op) ? "@" : role.HasFlag(MemberRole.Voice) ? "+" : "";
        // Each combination's text is a constant: NAMES asks once per member per joiner.
        return (role & (MemberRole.Owner | MemberRole.Op | MemberRole.Voice)) switch
        {
            MemberRole.None => "",
            MemberRole.Voice => "+",
            MemberRole.Op => "@",
            MemberRole.Op | MemberRole.Voice => "@+",
            MemberRole.Owner => "~",
            MemberRole.Owner | MemberRole.Voice => "~+",
            MemberRole.Owner | MemberRole.Op => "~@",
            _ => "~@+",
        };
    }

    /// <summary>The least role a STATUSMSG prefix addresses (ISUPPORT <c>STATUSMSG=~@+</c>): <c>~</c> the owner, <c>@</c> ops, <c>+</c> voiced.</summary>
    public static MemberRole RoleOfPrefix(char prefix) => prefix switch
    {
        '~' => MemberRole.Owner,
        '@' => MemberRole.Op,
        '+' => MemberRole.Voice,
        _ => throw new ArgumentOutOfRangeException(nameof(prefix), prefix, "not a STATUSMSG prefix"),
    };

    /// <summary>The STATUSMSG prefixes, as ISUPPORT <c>STATUSMSG</c> gives them: those of PREFIX.</summary>
    public const string StatusPrefixes = "~@+";

    /// <summary>Seconds since 1970, as IRC's time parameters are.</summary>
    public static string UnixTime(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}

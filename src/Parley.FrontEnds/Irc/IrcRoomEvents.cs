using Parley.Core.Events;
using Parley.Core.Rooms;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// Room events and channel presence as IRC messages (docs/irc.md, "How core events look on IRC"):
/// JOIN, PART, KICK, PRIVMSG and TAGMSG to the channel, TOPIC, MODE, INVITE, and the server-wide QUIT,
/// NICK, AWAY and ACCOUNT that IRC shows only to users sharing a channel.
/// </summary>
/// <remarks>Stateless and thread-safe. Nothing here depends on the recipient.</remarks>
internal static class IrcRoomEvents
{
    /// <summary>The event as untagged IRC messages, or null when it is not a room or presence event.</summary>
    public static IReadOnlyList<IrcMessage>? ToMessages(string serverName, ChatEvent chatEvent) => chatEvent switch
    {
        RoomMessageEvent said => IrcEventEncoder.Text(IrcEventEncoder.Mask(said.Message.From, said.ActorAddress), said.IsNotice ? "NOTICE" : "PRIVMSG",
            said.StatusPrefix is null ? said.Room : said.StatusPrefix + said.Room, said.Message.Text),
        RoomTagMessageEvent tagged => [new IrcMessage(IrcEventEncoder.Mask(tagged.From, tagged.ActorAddress), "TAGMSG", tagged.Room)],
        RoomMessageRedactedEvent redacted => [IrcEventEncoder.Redact(IrcEventEncoder.Mask(redacted.By, redacted.ActorAddress), redacted.Room, redacted.MessageId, redacted.Reason)],
        RoomMemberJoinedEvent joined => [new IrcMessage(IrcEventEncoder.Mask(joined.Nick, joined.ActorAddress), "JOIN", joined.Room)],
        RoomMemberLeftEvent left => Left(left),
        RoomTopicChangedEvent topic => [new IrcMessage(IrcEventEncoder.Mask(topic.By, topic.ActorAddress), "TOPIC", topic.Room, IrcText.ForWire(topic.Text ?? ""))],
        RoomModeChangedEvent mode => [new IrcMessage(IrcEventEncoder.Mask(mode.By, mode.ActorAddress), "MODE", ModeParameters(mode))],
        RoomRoleChangedEvent role => [new IrcMessage(IrcEventEncoder.Mask(role.By, role.ActorAddress), "MODE", role.Room,
            (role.Granted ? "+" : "-") + (role.Role == MemberRole.Op ? "o" : "v"), role.Target)],
        RoomBanChangedEvent ban => [new IrcMessage(IrcEventEncoder.Mask(ban.By, ban.ActorAddress), "MODE", ban.Room,
            (ban.Added ? "+" : "-") + IrcBanMasks.LetterOf(ban.List), IrcBanMasks.ToIrc(ban.List, ban.Mask))],
        RoomInviteEvent invite => [new IrcMessage(IrcEventEncoder.Mask(invite.By, invite.ActorAddress), "INVITE", invite.Nick, invite.Room)],
        RoomRegistrationChangedEvent registration => [new IrcMessage(serverName, "NOTICE", registration.Room,
            registration.Registered ? $"{registration.By} registered the channel to their account" : $"{registration.By} unregistered the channel")],
        UserLeftEvent { RenamedTo: { } renamedTo } renamed => [new IrcMessage(IrcEventEncoder.Mask(renamed.Nick, renamed.Address), "NICK", renamedTo)],
        UserLeftEvent left => [new IrcMessage(IrcEventEncoder.Mask(left.Nick, left.Address), "QUIT", QuitReason(left.Quit, left.Reason))],
        NickChangedEvent renamed => [new IrcMessage(IrcEventEncoder.Mask(renamed.OldNick, renamed.Address), "NICK", renamed.NewNick)],
        AwayChangedEvent { Message: { } message } away => [new IrcMessage(IrcEventEncoder.Mask(away.Nick, away.Address), "AWAY", IrcText.ForWire(message))],
        AwayChangedEvent back => [new IrcMessage(IrcEventEncoder.Mask(back.Nick, back.Address), "AWAY")],
        RealNameChangedEvent renamed => [new IrcMessage(IrcEventEncoder.Mask(renamed.Nick, renamed.Address), "SETNAME", IrcText.ForWire(renamed.RealName))],
        // ircv3.net/specs/extensions/chghost: ":nick!old_user@old_host CHGHOST new_user new_host".
        HostChangedEvent changed => [new IrcMessage(IrcEventEncoder.Mask(changed.Nick, changed.Address), "CHGHOST", changed.UserName, changed.Host)],
        AccountChangedEvent account => [new IrcMessage(IrcEventEncoder.Mask(account.Nick, account.Address), "ACCOUNT", account.Account ?? "*")],
        _ => null,
    };

    // #chan, the change, then the key and the limit it sets, in the order of their letters (k before l).
    private static List<string> ModeParameters(RoomModeChangedEvent mode)
    {
        List<string> parameters = [mode.Room, mode.Change];
        if (mode.Key is { } key)
            parameters.Add(key);
        if (mode.Limit is { } limit)
            parameters.Add(limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return parameters;
    }

    /// <summary>
    /// A JOIN in IRCv3 extended-join form, <c>:nick!u@h JOIN #chan &lt;account|*&gt; :&lt;real name&gt;</c>
    /// (ircv3.net/specs/extensions/extended-join).
    /// </summary>
    public static IrcMessage ExtendedJoin(string mask, string room, string? account, string realName) =>
        new(mask, "JOIN", room, account ?? "*", IrcText.ForWire(realName.Length == 0 ? "*" : realName));

    /// <summary>The text of a QUIT: <c>Quit: reason</c> for a quit (as ircds prefix it), the reason alone for a drop.</summary>
    public static string QuitReason(bool quit, string? reason) =>
        IrcText.ForWire(quit ? (reason is null ? "Quit" : "Quit: " + reason) : reason ?? "Connection closed");

    private static IrcMessage[] Left(RoomMemberLeftEvent left)
    {
        var source = IrcEventEncoder.Mask(left.Nick, left.ActorAddress);
        return left.Kind switch
        {
            RoomLeaveKind.Parted when left.Reason is { } reason => [new IrcMessage(source, "PART", left.Room, IrcText.ForWire(reason))],
            RoomLeaveKind.Parted => [new IrcMessage(source, "PART", left.Room)],
            // Without a reason, the kicker's nick (modern.ircdocs.horse, KICK: "the default is the nickname of the kicker").
            RoomLeaveKind.Kicked => [new IrcMessage(IrcEventEncoder.Mask(left.By ?? left.Nick, left.ActorAddress), "KICK", left.Room, left.Nick, IrcText.ForWire(left.Reason ?? left.By ?? left.Nick))],
            // The QUIT comes once, from the server-wide UserLeftEvent; only when the nick stays
            // online (another device) does this room see the session go, as a PART.
            _ when left.NickStays => [new IrcMessage(source, "PART", left.Room, QuitReason(left.Kind == RoomLeaveKind.Quit, left.Reason))],
            _ => [],
        };
    }
}

using System.Globalization;
using Parley.Core.Events;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// The server tags of an event's lines: <c>time</c>, <c>account</c>, <c>msgid</c>, <c>bot</c>, then
/// the sender's client-only tags, in that order. None depends on the recipient.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class IrcEventTagger
{
    /// <summary>The tag, without a value, on messages from a user in bot mode (ircv3.net/specs/extensions/bot-mode).</summary>
    public const string BotTag = "bot";

    /// <summary>The tags of line <paramref name="lineIndex"/> of <paramref name="chatEvent"/>.</summary>
    public static List<IrcTag> TagsOf(ChatEvent chatEvent, IrcEventTags wanted, int lineIndex)
    {
        var tags = new List<IrcTag>(4);
        if ((wanted & IrcEventTags.Time) != 0 && chatEvent.Time != default)
            tags.Add(new IrcTag("time", IrcText.FormatTime(chatEvent.Time)));
        if ((wanted & IrcEventTags.Account) != 0 && AccountOf(chatEvent) is { } account)
            tags.Add(new IrcTag("account", account));
        if ((wanted & IrcEventTags.MessageTags) == 0)
            return tags;
        if (MessageIdOf(chatEvent) is { } id)
            tags.Add(new IrcTag("msgid", lineIndex == 0 ? id : id + "." + lineIndex.ToString(CultureInfo.InvariantCulture)));
        if (IsFromBot(chatEvent))
            tags.Add(new IrcTag(BotTag, ""));
        foreach (var (key, value) in ClientTagsOf(chatEvent))
            tags.Add(new IrcTag(key, value));
        return tags;
    }

    /// <summary>A stored message's <c>msgid</c>: its id in decimal (CHATHISTORY reads it back).</summary>
    public static string MessageId(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a <c>msgid</c> back: the stored id (a split line's suffix ignored); false for others.</summary>
    public static bool TryParseMessageId(string msgid, out long id)
    {
        var dot = msgid.IndexOf('.', StringComparison.Ordinal);
        return long.TryParse(dot < 0 ? msgid : msgid[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }

    // The account of a logged-in sender (its nick is usually its name, but an IRC client may keep another). A stored
    // message read back carries no account (the store does not say whether a guest sent it),
    // except the echo of one's own message, which only a logged-in sender gets.
    private static string? AccountOf(ChatEvent chatEvent) => chatEvent switch
    {
        DirectMessageEvent dm => dm.FromAccount,
        BroadcastEvent bm => bm.FromAccount,
        TagMessageEvent tagged => tagged.FromAccount,
        RoomMessageEvent said => said.FromAccount,
        RoomTagMessageEvent tagged => tagged.FromAccount,
        RoomInviteEvent invite => invite.ByAccount,
        EchoEvent echo => echo.FromAccount ?? echo.Message.From,
        _ => null,
    };

    // A bot's PRIVMSG, NOTICE and TAGMSG carry the bot tag (bot-mode: "servers may include the bot tag").
    private static bool IsFromBot(ChatEvent chatEvent) => chatEvent switch
    {
        DirectMessageEvent dm => dm.FromBot,
        TagMessageEvent tagged => tagged.FromBot,
        RoomMessageEvent said => said.FromBot,
        RoomTagMessageEvent tagged => tagged.FromBot,
        _ => false,
    };

    private static string? MessageIdOf(ChatEvent chatEvent) => chatEvent switch
    {
        DirectMessageEvent { MessageId: { } id } => MessageId(id),
        BroadcastEvent { MessageId: { } id } => MessageId(id),
        MissedMessageEvent missed => MessageId(missed.Message.Id),
        EchoEvent echo => MessageId(echo.Message.Id),
        RoomMessageEvent said => MessageId(said.Message.Id),
        // Never stored: the event's own id, which no stored id (a number) can equal.
        TagMessageEvent tagged => "t" + tagged.Id.ToString("N"),
        RoomTagMessageEvent tagged => "t" + tagged.Id.ToString("N"),
        _ => null,
    };

    private static IReadOnlyList<KeyValuePair<string, string>> ClientTagsOf(ChatEvent chatEvent) => chatEvent switch
    {
        DirectMessageEvent dm => dm.ClientTags,
        TagMessageEvent tagged => tagged.ClientTags,
        RoomMessageEvent said => said.ClientTags,
        RoomTagMessageEvent tagged => tagged.ClientTags,
        _ => [],
    };
}

using System.Globalization;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.FrontEnds.Irc.History;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>CHATHISTORY LATEST|BEFORE|AFTER|AROUND &lt;target&gt; &lt;ref&gt; &lt;limit&gt;</c> and
/// <c>CHATHISTORY BETWEEN &lt;target&gt; &lt;ref&gt; &lt;ref&gt; &lt;limit&gt;</c> (IRCv3
/// draft/chathistory): stored messages played back as the PRIVMSGs they were, with their
/// original time, in a <c>chathistory</c> batch (when the client has <c>batch</c>; otherwise the
/// lines alone). A nick target is the logged-in account's direct messages with that nick (the
/// message store, as <c>/history nick</c>); a <c>#channel</c> target is the room's history, for
/// members only (as <c>/history #room</c>). A reference is <c>msgid=</c>, <c>timestamp=</c> or
/// <c>*</c> (LATEST only). <c>TARGETS</c> lists conversations (<see cref="HistoryTargetsReply"/>).
/// </summary>
/// <remarks>
/// Errors are standard replies: <c>FAIL CHATHISTORY NEED_MORE_PARAMS</c>, <c>INVALID_PARAMS</c>
/// (an unknown subcommand, a bad reference or limit), <c>INVALID_TARGET</c> (not a nick or
/// room, not a member, not logged in for direct messages), <c>MESSAGE_ERROR</c> (the store failed).
/// </remarks>
internal sealed class ChatHistoryCommand : IIrcCommand
{
    /// <summary>Most messages one request returns (ISUPPORT <c>CHATHISTORY=100</c>); more is clamped.</summary>
    public const int MaxLimit = 100;

    public string Name => "CHATHISTORY";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public async ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var subcommand = message.GetParameter(0)?.ToUpperInvariant() ?? "*";
        if (subcommand == "TARGETS")
        {
            await HistoryTargetsReply.SendAsync(connection, message.Parameters, MaxLimit);
            return;
        }

        var arity = subcommand == "BETWEEN" ? 5 : 4;
        if (subcommand is not ("LATEST" or "BEFORE" or "AFTER" or "AROUND" or "BETWEEN"))
        {
            Fail(connection, "INVALID_PARAMS", subcommand, "Unknown or unsupported subcommand");
            return;
        }

        if (message.Parameters.Length < arity)
        {
            Fail(connection, "NEED_MORE_PARAMS", subcommand, "Insufficient parameters");
            return;
        }

        var target = message.Parameters[1];
        if (!HistoryReference.TryParse(message.Parameters[2], allowStar: subcommand == "LATEST", out var first)
            || (arity == 5 && !HistoryReference.TryParse(message.Parameters[3], allowStar: false, out _))
            || !int.TryParse(message.Parameters[arity - 1], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
        {
            Fail(connection, "INVALID_PARAMS", subcommand, "Invalid parameters");
            return;
        }

        HistoryReference.TryParse(message.GetParameter(3) ?? "*", allowStar: true, out var second);
        limit = Math.Min(limit, MaxLimit);
        var isRoom = target.StartsWith('#');
        if (!isRoom && !NickRules.IsValid(target))
        {
            Fail(connection, "INVALID_TARGET", subcommand, target, "Messages could not be retrieved");
            return;
        }

        var walker = new HistoryWalker(isRoom ? RoomReader(connection, target) : DirectReader(connection, target));
        ChatError error;
        List<HistoryItem> items;
        try
        {
            (error, items) = subcommand switch
            {
                "LATEST" => await walker.LatestAsync(first, limit),
                "BEFORE" => await walker.BeforeAsync(first, limit),
                "AFTER" => await walker.AfterAsync(first, limit),
                "AROUND" => await walker.AroundAsync(first, limit),
                _ => await walker.BetweenAsync(first, second, limit),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store has logged it; the client is told no more than that.
            Fail(connection, "MESSAGE_ERROR", subcommand, target, "Messages could not be retrieved");
            return;
        }

        if (error != ChatError.None)
        {
            var text = error == ChatError.NotLoggedIn ? "Log in to an account to read direct message history" : "Messages could not be retrieved";
            Fail(connection, "INVALID_TARGET", subcommand, target, text);
            return;
        }

        Send(connection, target, items);
    }

    /// <summary>Sends history items: in a <c>chathistory</c> batch with <c>batch</c>, otherwise the lines alone.</summary>
    internal static void Send(IrcConnection connection, string target, List<HistoryItem> items)
    {
        if (!connection.Has(IrcCapabilities.Batch))
        {
            foreach (var item in items)
                item.Lines.ToList().ForEach(connection.Reply);
            return;
        }

        var id = connection.NextBatchId('H');
        var batchTag = new IrcTag("batch", id);
        connection.Reply(new IrcMessage(connection.ServerName, "BATCH", "+" + id, "chathistory", target));
        foreach (var item in items)
        {
            foreach (var line in item.Lines)
                connection.Reply(line.WithTags([.. line.Tags, batchTag]));
        }

        connection.Reply(new IrcMessage(connection.ServerName, "BATCH", "-" + id));
    }

    // History is played back with its time whatever the client enabled: without it, it is not history.
    private static IrcEventTags TagsFor(IrcConnection connection) => connection.EventTags | IrcEventTags.Time;

    private static HistoryPageReader DirectReader(IrcConnection connection, string nick) => async (beforeId, count) =>
    {
        var (error, messages) = await connection.Hub.GetHistoryAsync(connection.Session, nick, count, beforeId);
        var tags = TagsFor(connection);
        var me = connection.Session.Nick;
        return (error, [.. messages.Select(m => new HistoryItem(
            m.Id, m.SentUtc, IrcEventEncoder.ToTaggedMessages(connection.ServerName, AsEvent(m, me), tags)))]);
    };

    // In the account's history, its own messages are its account's (the echo form carries the
    // account tag); the other party's are shown as stored messages, whose account is not kept.
    private static ChatEvent AsEvent(Core.Messages.ChatMessage message, string? me) =>
        NickRules.Comparer.Equals(message.From, me)
            ? new EchoEvent(message) { Time = message.SentUtc }
            : new MissedMessageEvent(message) { Time = message.SentUtc };

    private static HistoryPageReader RoomReader(IrcConnection connection, string room) => async (beforeId, count) =>
    {
        // draft/event-playback: joins, parts, quits, kicks and topic changes among the messages.
        var result = await connection.Hub.Rooms.ReadHistoryAsync(connection.Session, room, count, beforeId, connection.Has(IrcCapabilities.EventPlayback));
        var tags = TagsFor(connection);
        return (result.Error, [.. result.Messages.Select(m => new HistoryItem(m.Id, m.Time, RoomLines(m, tags)))]);
    };

    /// <summary>A stored room message as the PRIVMSG lines it was, with the tags <paramref name="tags"/> asks for.</summary>
    internal static List<IrcMessage> RoomLines(RoomMessage message, IrcEventTags tags)
    {
        var mask = IrcEventEncoder.Mask(message.From, null);
        var lines = message.Kind switch
        {
            RoomEntryKind.Join => [new IrcMessage(mask, "JOIN", message.Room)],
            RoomEntryKind.Part => [WithReason(new IrcMessage(mask, "PART", message.Room), message.Text)],
            RoomEntryKind.Quit => [WithReason(new IrcMessage(mask, "QUIT"), message.Text)],
            RoomEntryKind.Kick => [new IrcMessage(mask, "KICK", message.Room, message.Target ?? "*", message.Text.Length > 0 ? IrcText.ForWire(message.Text) : message.From)],
            RoomEntryKind.Topic => [new IrcMessage(mask, "TOPIC", message.Room, IrcText.ForWire(message.Text))],
            _ => IrcEventEncoder.Text(mask, "PRIVMSG", message.Room, message.Text),
        };
        for (var i = 0; i < lines.Count; i++)
        {
            var lineTags = new List<IrcTag>();
            if ((tags & IrcEventTags.Time) != 0)
                lineTags.Add(new IrcTag("time", IrcText.FormatTime(message.Time)));
            if ((tags & IrcEventTags.Account) != 0 && message.FromAccountId is not null)
                lineTags.Add(new IrcTag("account", message.From));
            if ((tags & IrcEventTags.MessageTags) != 0)
            {
                var msgid = IrcEventTagger.MessageId(message.Id);
                lineTags.Add(new IrcTag("msgid", i == 0 ? msgid : msgid + "." + i.ToString(CultureInfo.InvariantCulture)));
            }

            lines[i] = lines[i].WithTags(lineTags);
        }

        return lines;
    }

    private static IrcMessage WithReason(IrcMessage line, string reason) =>
        reason.Length == 0 ? line : new IrcMessage(line.Source, line.Command, [.. line.Parameters, IrcText.ForWire(reason)]);

    private static void Fail(IrcConnection connection, string code, params string[] context) =>
        connection.FromServer("FAIL", ["CHATHISTORY", code, .. context]);
}

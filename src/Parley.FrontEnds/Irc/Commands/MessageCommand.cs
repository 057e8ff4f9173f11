using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.FrontEnds.Irc.Services;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>PRIVMSG target[,target...] :text</c> and <c>NOTICE</c>: a Parley direct message to each
/// nick (at most TARGMAX = 4). PRIVMSG errors: 411 no recipient, 412 no text, 401 no such nick
/// (neither online nor an account), 407 too many targets; 301 when the recipient is away. To a
/// <c>#channel</c>: a room message, as <c>/say</c> (404 when not a member, or in a <c>+m</c>
/// channel without voice, or banned; 403 for no such channel); to <c>@#channel</c> (STATUSMSG, <c>~ @ +</c>) only the
/// members with that status or higher, not stored. A NOTICE to a channel is a room
/// message that IRC members receive as a NOTICE. NOTICE never gets an error or away reply (RFC
/// 2812 §3.3.2). A message whose relayed line (<c>:nick!user@host PRIVMSG target :text</c>) would
/// not fit 512 bytes is refused with 417 for a PRIVMSG, cut to fit for a NOTICE: never split into
/// lines the recipient could not tell apart (modern.ircdocs.horse, "Message Format"). Client-only tags (<c>+typing</c>, <c>+draft/reply</c>) go to
/// recipients (nicks or channel members) with message-tags, and are never stored.
/// </summary>
/// <remarks>
/// As <c>/dm</c>: a PRIVMSG to an account that is offline is stored and delivered at its next
/// login; every message is stored (history). The command ends when the message is committed, so
/// its echo (echo-message), the labeled-response <c>ACK</c> and the next command's replies come
/// only after it is durable; a failed commit answers <c>FAIL PRIVMSG STORAGE_FAILED</c>. A NOTICE
/// to an offline account is dropped, not stored.
/// </remarks>
internal sealed class MessageCommand(bool notice) : IIrcCommand
{
    /// <summary>Most targets in one message (TARGMAX in ISUPPORT).</summary>
    public const int MaxTargets = 4;

    private const string StorageFailedText = "The server could not store the message; it may not have arrived";

    public string Name => notice ? "NOTICE" : "PRIVMSG";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public async ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (message.GetParameter(0) is not { Length: > 0 } targetList)
        {
            if (!notice)
                connection.Numeric(IrcNumerics.ERR_NORECIPIENT, $"No recipient given ({Name})");
            return;
        }

        if (message.GetParameter(1) is not { Length: > 0 } rawText)
        {
            if (!notice)
                connection.Numeric(IrcNumerics.ERR_NOTEXTTOSEND, "No text to send");
            return;
        }

        var text = IrcText.FromClient(rawText);
        var clientTags = ClientTags(message);
        if (!targetList.Contains(','))
        {
            // One target, the common case: no array of targets (issue 10, fix 14).
            if (Fit(connection, targetList, text) is { } fit)
                await SendToAsync(connection, targetList, fit, clientTags);
            return;
        }

        var targets = targetList.Split(',', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < targets.Length; i++)
        {
            if (i == MaxTargets)
            {
                if (!notice)
                    connection.Numeric(IrcNumerics.ERR_TOOMANYTARGETS, targets[i], "Too many targets");
                break;
            }

            if (Fit(connection, targets[i], text) is { } fitting)
                await SendToAsync(connection, targets[i], fitting, clientTags);
        }
    }

    // The text when its relayed line fits 512 bytes with the sender's full mask; else a NOTICE's
    // text cut to fit, or null (417) for a PRIVMSG. Tags have their own budget (IRCv3 message-tags).
    private string? Fit(IrcConnection connection, string target, string text)
    {
        var budget = IrcTextSplitter.GetMaxTextBytes(connection.MaskByteCount, Name, target);
        if (System.Text.Encoding.UTF8.GetByteCount(IrcText.ForWire(text)) <= budget)
            return text;
        if (notice)
            return IrcText.Truncate(text, Math.Max(budget, 1));
        connection.Numeric(IrcNumerics.ERR_INPUTTOOLONG, "Input line was too long");
        return null;
    }

    /// <summary>
    /// Sends <paramref name="text"/> to one target as this command would, without the one-line fit
    /// (417 / cut): a draft/multiline batch's whole text, lines joined with <c>\n</c>, which the
    /// relay splits per recipient (docs/irc.md, draft/multiline).
    /// </summary>
    public static ValueTask SendWholeAsync(IrcConnection connection, bool notice, string target, string text, KeyValuePair<string, string>[] clientTags) =>
        new MessageCommand(notice).SendToAsync(connection, target, text, clientTags);

    /// <summary>The client-only tags (<c>+key</c>) of a message, relayed to recipients with message-tags.</summary>
    public static KeyValuePair<string, string>[] ClientTags(IrcMessage message)
    {
        // A loop, not LINQ: most messages have no tags, and then nothing is allocated.
        var tags = message.Tags;
        var count = 0;
        foreach (var tag in tags)
        {
            if (tag.IsClientOnly)
                count++;
        }

        if (count == 0)
            return [];
        var result = new KeyValuePair<string, string>[count];
        var at = 0;
        foreach (var tag in tags)
        {
            if (tag.IsClientOnly)
                result[at++] = KeyValuePair.Create(tag.Key, tag.Value);
        }

        return result;
    }

    // A room message, as /say: members only (404 otherwise, and in +m without voice), stored in
    // the room's history; the sender's echo waits for the commit, as for a direct message.
    private async ValueTask SendToRoomAsync(IrcConnection connection, string channel, string text, KeyValuePair<string, string>[] clientTags, string? status)
    {
        var (result, echo) = await connection.SayAsync(channel, text, clientTags, notice, status);
        if (result.Error != ChatError.None)
        {
            if (!notice)
                IrcChannelReplies.Error(connection, result.Error is ChatError.NotInRoom ? ChatError.CannotSend : result.Error, channel);
            return;
        }

        if (connection.IsLabeled)
        {
            // labeled-response: the confirmation belongs in this command's reply buffer.
            await result.Committed.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (result.Committed.Exception is not null)
                connection.FromServer("FAIL", Name, "STORAGE_FAILED", result.Message!.Room, StorageFailedText);
            else if (echo is not null && connection.Has(IrcCapabilities.EchoMessage))
                connection.Echo(echo);
            return;
        }

        connection.AfterCommit(result.Committed, notice ? RoomNoticeStored : RoomMessageStored, new RoomConfirmation(result, echo));
    }

    private async ValueTask SendToAsync(IrcConnection connection, string target, string text, KeyValuePair<string, string>[] clientTags)
    {
        if (target.StartsWith('#'))
        {
            await SendToRoomAsync(connection, target, text, clientTags, status: null);
            return;
        }

        // STATUSMSG (modern.ircdocs.horse, PRIVMSG; ISUPPORT STATUSMSG=~@+): "@#chan" reaches the
        // members with that status or higher only. One prefix, the lowest role, as servers read it.
        if (target.Length > 1 && IrcChannelReplies.StatusPrefixes.Contains(target[0], StringComparison.Ordinal) && target[1] == '#')
        {
            await SendToRoomAsync(connection, target[1..], text, clientTags, target[..1]);
            return;
        }

        // A request to NickServ or ChanServ; a NOTICE to a service is never answered.
        if (IrcServices.Find(target) is { } service)
        {
            if (!notice)
                await service.HandleAsync(connection, text);
            return;
        }

        var (result, toSelf) = await connection.SendDirectAsync(target, text, notice, clientTags);
        if (result.Error != ChatError.None)
        {
            if (!notice)
                connection.Numeric(IrcNumerics.ERR_NOSUCHNICK, target, "No such nick/channel");
            return;
        }

        // The durability promise, as /dm's OK: nothing confirms the message before its commit.
        // Without a label the confirmation waits in the connection's ordered queue while the
        // read loop goes on (pipelined commits); with one it belongs in this command's buffer.
        if (!connection.IsLabeled)
        {
            // The common confirmation (not to oneself, no away reply) needs only the event: no
            // confirmation object per message (issue 10, fix 14).
            if (toSelf is null && !result.ToSelf && result.RecipientAway is null && result.Message is { } sent
                && ReferenceEquals(sent.To, result.Recipient))
                connection.AfterCommit(result.Committed, notice ? PlainNoticeStored : PlainMessageStored, sent);
            else
                connection.AfterCommit(result.Committed, notice ? DirectNoticeStored : DirectMessageStored, new DirectConfirmation(result, toSelf));
            return;
        }

        await result.Committed.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (result.Committed.Exception is not null)
        {
            if (toSelf is not null)
                connection.Deliver(toSelf);
            // Reading the exception marks it observed; the store has logged it.
            connection.FromServer("FAIL", Name, "STORAGE_FAILED", result.Recipient ?? target, StorageFailedText);
            return;
        }

        if (toSelf is not null)
        {
            // To oneself: with echo-message the delivery and the echo (two lines, as Ergo sends);
            // without, the one delivery, which carries the label of a labeled command.
            if (connection.Has(IrcCapabilities.EchoMessage))
                connection.Deliver(toSelf);
            connection.Echo(toSelf);
        }
        else if (connection.Has(IrcCapabilities.EchoMessage) && !result.ToSelf)
        {
            connection.Echo(result.Message!);
        }
        if (!notice && result.RecipientAway is { } away)
            connection.Numeric(IrcNumerics.RPL_AWAY, result.Recipient ?? target, away);
    }

    // The confirmations after the commit, sent in command order by the connection (static: no
    // closure per message).
    private static readonly Action<IrcConnection, Task, object> DirectMessageStored =
        static (c, committed, state) => ConfirmDirect(c, committed, (DirectConfirmation)state, "PRIVMSG");

    private static readonly Action<IrcConnection, Task, object> DirectNoticeStored =
        static (c, committed, state) => ConfirmDirect(c, committed, (DirectConfirmation)state, "NOTICE");

    private static readonly Action<IrcConnection, Task, object> PlainMessageStored =
        static (c, committed, state) => ConfirmPlain(c, committed, (Core.Events.DirectMessageEvent)state, "PRIVMSG");

    private static readonly Action<IrcConnection, Task, object> PlainNoticeStored =
        static (c, committed, state) => ConfirmPlain(c, committed, (Core.Events.DirectMessageEvent)state, "NOTICE");

    private static readonly Action<IrcConnection, Task, object> RoomMessageStored =
        static (c, committed, state) => ConfirmRoom(c, committed, (RoomConfirmation)state, "PRIVMSG");

    private static readonly Action<IrcConnection, Task, object> RoomNoticeStored =
        static (c, committed, state) => ConfirmRoom(c, committed, (RoomConfirmation)state, "NOTICE");

    private static void ConfirmDirect(IrcConnection connection, Task committed, DirectConfirmation confirmation, string command)
    {
        var result = confirmation.Result;
        // To oneself: the held delivery, and with echo-message the echo too (two lines, as Ergo sends).
        if (confirmation.ToSelf is { } toSelf)
        {
            connection.EchoNow(toSelf);
            if (committed.Exception is null && connection.Has(IrcCapabilities.EchoMessage))
                connection.EchoNow(toSelf);
        }

        if (committed.Exception is not null)
        {
            // Reading the exception marks it observed; the store has logged it.
            connection.SendNow(new IrcMessage(connection.ServerName, "FAIL", command, "STORAGE_FAILED", result.Recipient ?? "*", StorageFailedText));
            return;
        }

        if (connection.Has(IrcCapabilities.EchoMessage) && !result.ToSelf)
            connection.EchoNow(result.Message!);
        if (command == "PRIVMSG" && result.RecipientAway is { } away)
            connection.NumericNow(IrcNumerics.RPL_AWAY, result.Recipient ?? "*", away);
    }

    // ConfirmDirect for a message to someone else with no away reply: the event is all it needs.
    private static void ConfirmPlain(IrcConnection connection, Task committed, Core.Events.DirectMessageEvent sent, string command)
    {
        if (committed.Exception is not null)
        {
            // Reading the exception marks it observed; the store has logged it.
            connection.SendNow(new IrcMessage(connection.ServerName, "FAIL", command, "STORAGE_FAILED", sent.To, StorageFailedText));
            return;
        }

        if (connection.Has(IrcCapabilities.EchoMessage))
            connection.EchoNow(sent);
    }

    private static void ConfirmRoom(IrcConnection connection, Task committed, RoomConfirmation confirmation, string command)
    {
        if (committed.Exception is not null)
        {
            connection.SendNow(new IrcMessage(connection.ServerName, "FAIL", command, "STORAGE_FAILED", confirmation.Result.Message!.Room, StorageFailedText));
            return;
        }

        if (confirmation.Echo is { } echo && connection.Has(IrcCapabilities.EchoMessage))
            connection.EchoNow(echo);
    }
}

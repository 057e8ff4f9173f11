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
/// channel without voice, or banned; 403 for no such channel). A NOTICE to a channel is a room
/// message too: rooms have no notices, so members see a PRIVMSG. NOTICE never gets an error or
/// away reply (RFC 2812 §3.3.2). Client-only tags (<c>+typing</c>, <c>+draft/reply</c>) go to
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
        var targets = targetList.Split(',', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < targets.Length; i++)
        {
            if (i == MaxTargets)
            {
                if (!notice)
                    connection.Numeric(IrcNumerics.ERR_TOOMANYTARGETS, targets[i], "Too many targets");
                break;
            }

            await SendToAsync(connection, targets[i], text, clientTags);
        }
    }

    /// <summary>The client-only tags (<c>+key</c>) of a message, relayed to recipients with message-tags.</summary>
    public static KeyValuePair<string, string>[] ClientTags(IrcMessage message) =>
        [.. message.Tags.Where(t => t.IsClientOnly).Select(t => KeyValuePair.Create(t.Key, t.Value))];

    // A room message, as /say: members only (404 otherwise, and in +m without voice), stored in
    // the room's history; the sender's echo waits for the commit, as for a direct message.
    private async ValueTask SendToRoomAsync(IrcConnection connection, string channel, string text, KeyValuePair<string, string>[] clientTags)
    {
        var (result, echo) = await connection.SayAsync(channel, text, clientTags);
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
            await SendToRoomAsync(connection, target, text, clientTags);
            return;
        }

        // A request to NickServ or ChanServ; a NOTICE to a service is never answered.
        if (IrcServices.Find(target) is { } service)
        {
            if (!notice)
                await service.HandleAsync(connection, text);
            return;
        }

        var result = await connection.Hub.SendDirectAsync(connection.Session, target, text, notice, clientTags);
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
            connection.AfterCommit(result.Committed, notice ? DirectNoticeStored : DirectMessageStored, result);
            return;
        }

        await result.Committed.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (result.Committed.Exception is not null)
        {
            // Reading the exception marks it observed; the store has logged it.
            connection.FromServer("FAIL", Name, "STORAGE_FAILED", result.Recipient ?? target, StorageFailedText);
            return;
        }

        // A message to oneself already arrived through the hub; echoing it would double it.
        if (connection.Has(IrcCapabilities.EchoMessage) && !result.ToSelf)
            connection.Echo(result.Message!);
        if (!notice && result.RecipientAway is { } away)
            connection.Numeric(IrcNumerics.RPL_AWAY, result.Recipient ?? target, away);
    }

    // The confirmations after the commit, sent in command order by the connection (static: no
    // closure per message).
    private static readonly Action<IrcConnection, Task, object> DirectMessageStored =
        static (c, committed, state) => ConfirmDirect(c, committed, (SendResult)state, "PRIVMSG");

    private static readonly Action<IrcConnection, Task, object> DirectNoticeStored =
        static (c, committed, state) => ConfirmDirect(c, committed, (SendResult)state, "NOTICE");

    private static readonly Action<IrcConnection, Task, object> RoomMessageStored =
        static (c, committed, state) => ConfirmRoom(c, committed, (RoomConfirmation)state, "PRIVMSG");

    private static readonly Action<IrcConnection, Task, object> RoomNoticeStored =
        static (c, committed, state) => ConfirmRoom(c, committed, (RoomConfirmation)state, "NOTICE");

    private static void ConfirmDirect(IrcConnection connection, Task committed, SendResult result, string command)
    {
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

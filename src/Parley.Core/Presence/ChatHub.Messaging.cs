using Parley.Core.Events;
using Parley.Core.Messages;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    /// <summary>
    /// Sends a direct message: handed at once to every session holding <paramref name="to"/>, or,
    /// when <paramref name="to"/> is an account that is offline, stored until it signs in. Either way
    /// it is stored (history), and echoed to the sender's other sessions.
    /// </summary>
    /// <param name="from">The sender; must be registered.</param>
    /// <param name="to">The recipient's nick, any case.</param>
    /// <param name="text">Message text.</param>
    /// <param name="cancellationToken">Cancels the account lookup.</param>
    /// <returns>
    /// The result: <see cref="ChatError.None"/>, <see cref="ChatError.NotRegistered"/>, or
    /// <see cref="ChatError.NoSuchNick"/> when no one online and no account has the nick.
    /// </returns>
    public async ValueTask<SendResult> SendDirectAsync(ChatSession from, string to, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (from.Presence is not { } me)
            return SendResult.Refused(ChatError.NotRegistered);

        if (_byNick.TryGetValue(to, out var target) && target.AccountId is null)
        {
            // A guest: delivered now or not at all.
            var guest = _messages.Append(new NewMessage(
                MessageKind.Direct, _time.GetUtcNow(), me.Nick, me.AccountId, target.Nick, null, text, Delivered: true));
            DeliverAll(target, new DirectMessageEvent(me.Nick, target.Nick, text));
            Echo(me, from, target, guest.Message);
            return new SendResult(ChatError.None, target.Nick, Delivered: true, 1, guest.Committed);
        }

        long accountId;
        string nick;
        if (target is null && !NickRules.IsValid(to))
            return SendResult.Refused(ChatError.NoSuchNick);
        if (target is { AccountId: { } id })
            (accountId, nick) = (id, target.Nick);
        else if (await _accounts.FindAsync(to, cancellationToken) is { } account)
            (accountId, nick) = (account.Id, account.Nick);
        else
            return SendResult.Refused(ChatError.NoSuchNick);

        var gate = GateOf(accountId);
        await gate.WaitAsync(cancellationToken);
        MessageReceipt receipt;
        OnlineNick? holder;
        try
        {
            // Under the gate: a sign-in either happened before (deliver now) or reads this after.
            if (!_byNick.TryGetValue(to, out holder) || holder.AccountId != accountId || holder.Sessions.Length == 0)
                holder = null;
            receipt = _messages.Append(new NewMessage(
                MessageKind.Direct, _time.GetUtcNow(), me.Nick, me.AccountId, nick, accountId, text, Delivered: holder is not null));
            if (holder is not null)
                DeliverAll(holder, new DirectMessageEvent(me.Nick, nick, text));
        }
        finally
        {
            gate.Release();
        }

        Echo(me, from, holder, receipt.Message);
        return new SendResult(ChatError.None, nick, holder is not null, holder is null ? 0 : 1, receipt.Committed);
    }

    /// <summary>Sends a message to every other nick online, stores it, and echoes it to the sender's other sessions.</summary>
    /// <param name="from">The sender; must be registered.</param>
    /// <param name="text">Message text.</param>
    /// <returns>The result, with the number of other nicks it was handed to.</returns>
    public SendResult Broadcast(ChatSession from, string text)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (from.Presence is not { } me)
            return SendResult.Refused(ChatError.NotRegistered);
        var receipt = _messages.Append(new NewMessage(
            MessageKind.Broadcast, _time.GetUtcNow(), me.Nick, me.AccountId, null, null, text, Delivered: true));
        var recipients = SendToOthers(me, new BroadcastEvent(me.Nick, text));
        Echo(me, from, null, receipt.Message);
        return new SendResult(ChatError.None, null, true, recipients, receipt.Committed);
    }

    /// <summary>
    /// The newest messages, oldest first: direct messages between the signed-in account and
    /// <paramref name="withNick"/>, or broadcasts when <paramref name="withNick"/> is null.
    /// </summary>
    /// <param name="session">The asker: signed in for direct messages, registered for broadcasts.</param>
    /// <param name="withNick">The other party, any case; null for broadcasts.</param>
    /// <param name="limit">How many at most.</param>
    /// <param name="beforeId">Only older than this id (paging), or null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The error and the messages (empty on error).</returns>
    public async ValueTask<(ChatError Error, IReadOnlyList<ChatMessage> Messages)> GetHistoryAsync(
        ChatSession session, string? withNick, int limit, long? beforeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.IsRegistered)
            return (ChatError.NotRegistered, []);
        if (withNick is not null && session.AccountId is null)
            return (ChatError.NotLoggedIn, []);

        // Read-your-writes: what this session was told is stored shows up.
        await _messages.FlushAsync(cancellationToken);
        var messages = await _messages.GetHistoryAsync(new HistoryQuery(session.AccountId ?? 0, withNick, limit, beforeId), cancellationToken);
        return (ChatError.None, messages);
    }

    private static void DeliverAll(OnlineNick holder, ChatEvent chatEvent)
    {
        foreach (var session in holder.Sessions)
            session.Sink.Deliver(chatEvent);
    }

    // The sender's other devices see what it sent; not when they received it already as the recipient.
    private static void Echo(OnlineNick me, ChatSession from, OnlineNick? recipient, ChatMessage message)
    {
        if (me.AccountId is null || recipient == me)
            return;
        var sessions = me.Sessions;
        if (sessions.Length < 2)
            return;
        var echo = new EchoEvent(message);
        foreach (var session in sessions)
        {
            if (session != from)
                session.Sink.Deliver(echo);
        }
    }

    // One event instance for every recipient: each protocol encodes it once (ChatEvent.GetBytes).
    private int SendToOthers(OnlineNick except, ChatEvent chatEvent)
    {
        var count = 0;
        foreach (var (_, holder) in _byNick)
        {
            if (holder == except)
                continue;
            DeliverAll(holder, chatEvent);
            count++;
        }

        return count;
    }
}

using Parley.Core.Cluster;
using Parley.Core.Events;
using Parley.Core.Messages;
using Parley.Core.Metrics;
using Parley.Core.Routing;
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
    public ValueTask<SendResult> SendDirectAsync(ChatSession from, string to, string text, CancellationToken cancellationToken = default) =>
        SendDirectAsync(from, to, text, notice: false, cancellationToken);

    /// <summary>
    /// Sends a direct message or a notice (IRC's <c>NOTICE</c>, <see cref="DirectMessageEvent.IsNotice"/>),
    /// as <see cref="SendDirectAsync(ChatSession, string, string, CancellationToken)"/>, and returns
    /// the event in <see cref="SendResult.Message"/> so that the sender's front-end can echo the
    /// very same message (same time, same cached bytes) back to its sender.
    /// </summary>
    /// <param name="from">The sender; must be registered.</param>
    /// <param name="to">The recipient's nick, any case.</param>
    /// <param name="text">Message text.</param>
    /// <param name="notice">
    /// True for a notice. A notice is for whoever is there now: to an offline account it is
    /// neither delivered nor stored (<see cref="ChatError.NoSuchNick"/>), since replaying it later
    /// as a message could trigger the automatic replies notices exist to prevent.
    /// </param>
    /// <param name="cancellationToken">Cancels the account lookup.</param>
    /// <returns>
    /// The result: <see cref="ChatError.None"/>, <see cref="ChatError.NotRegistered"/>, or
    /// <see cref="ChatError.NoSuchNick"/> when no one online and no account has the nick.
    /// </returns>
    public ValueTask<SendResult> SendDirectAsync(
        ChatSession from, string to, string text, bool notice, CancellationToken cancellationToken = default) =>
        SendDirectAsync(from, to, text, notice, clientTags: null, cancellationToken);

    /// <summary>
    /// Sends a direct message or a notice as
    /// <see cref="SendDirectAsync(ChatSession, string, string, bool, CancellationToken)"/>, with client
    /// metadata relayed to the recipient (<see cref="DirectMessageEvent.ClientTags"/>; not stored).
    /// </summary>
    /// <param name="from">The sender; must be registered.</param>
    /// <param name="to">The recipient's nick, any case.</param>
    /// <param name="text">Message text.</param>
    /// <param name="notice">True for a notice.</param>
    /// <param name="clientTags">Client-only tags to relay, or null for none.</param>
    /// <param name="cancellationToken">Cancels the account lookup.</param>
    /// <returns>The result, as the overload without tags.</returns>
    public async ValueTask<SendResult> SendDirectAsync(
        ChatSession from, string to, string text, bool notice, IReadOnlyList<KeyValuePair<string, string>>? clientTags,
        CancellationToken cancellationToken = default)
    {
        clientTags ??= [];
        ArgumentNullException.ThrowIfNull(from);
        if (from.Presence is not { } me)
            return SendResult.Refused(ChatError.NotRegistered);

        if (TryGetHolder(to, out var target) && target.AccountId is null)
        {
            // A guest: delivered now or not at all.
            var now = _time.GetUtcNow();
            var guest = _messages.Append(new NewMessage(
                MessageKind.Direct, now, me.Nick, me.AccountId, target.Nick, null, text, Delivered: true));
            var sent = NewDirect(from, me, target.Nick, text, notice, now, guest.Message.Id, clientTags);
            DeliverAll(target, sent);
            ChatMetrics.DirectSent(notice, target.Sessions.Length);
            Echo(me, from, target, guest.Message);
            return Sent(target.Nick, target, me, sent, guest.Committed);
        }

        // A guest on another node (a cluster's nick space): delivered there through routing, or not at all.
        if (target is null && _nicks.TryFind(to, out var remote) && remote.AccountId is null)
            return SendToRemoteGuest(from, me, remote, text, notice, clientTags);

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

        await _gates.EnterAsync(accountId, cancellationToken);
        MessageReceipt receipt;
        OnlineNick? holder;
        DirectMessageEvent message;
        int aliases;
        NickClaim? elsewhere;
        try
        {
            // Under the gate: a sign-in either happened before (deliver now) or reads this after.
            if (!TryGetHolder(to, out holder) || holder.AccountId != accountId || holder.Sessions.Length == 0)
                holder = null;
            // A message to the account's name also reaches the other nicks it holds (IRC clients
            // that kept their nick at SASL); one to such a nick reaches that nick only, as on IRC.
            var viaName = holder is not { IsAlias: true };
            var others = viaName && _aliases.TryGetValue(accountId, out var list) ? list.Length : 0;
            // Signed in on other nodes only: the gate made this node's view of the account current.
            elsewhere = holder is null && others == 0 ? HeldElsewhere(to, accountId, viaName) : null;
            if (elsewhere is not null)
                others = 1;
            if (holder is null && others == 0 && notice)
                return SendResult.Refused(ChatError.NoSuchNick);
            var now = _time.GetUtcNow();
            receipt = _messages.Append(new NewMessage(
                MessageKind.Direct, now, me.Nick, me.AccountId, nick, accountId, text, Delivered: holder is not null || others > 0));
            message = NewDirect(from, me, nick, text, notice, now, receipt.Message.Id, clientTags);
            if (holder is not null)
                DeliverAll(holder, message);
            if (elsewhere is not null)
                aliases = DeliverElsewhere(elsewhere, viaName, message);
            else
                aliases = viaName ? DeliverToAliases(accountId, holder, message) : 0;
        }
        finally
        {
            _gates.Release(accountId);
        }

        ChatMetrics.DirectSent(notice, (holder?.Sessions.Length ?? 0) + aliases);
        Echo(me, from, holder, receipt.Message);
        var result = Sent(nick, holder, me, message, receipt.Committed);
        return holder is null && aliases > 0 ? result with { Delivered = true, Recipients = 1 } : result;
    }

    /// <summary>
    /// Relays client metadata without a message (<see cref="TagMessageEvent"/>, IRC's
    /// <c>TAGMSG</c>) to the sessions of <paramref name="to"/> online now; nothing is stored.
    /// </summary>
    /// <param name="from">The sender; must be registered.</param>
    /// <param name="to">The recipient's nick, any case.</param>
    /// <param name="clientTags">The client-only tags.</param>
    /// <returns>
    /// The result: <see cref="ChatError.NotRegistered"/>, <see cref="ChatError.NoSuchNick"/> when
    /// nobody online has the nick; <see cref="SendResult.Recipient"/> is the nick as shown.
    /// </returns>
    public SendResult SendTags(ChatSession from, string to, IReadOnlyList<KeyValuePair<string, string>> clientTags)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(clientTags);
        if (from.Presence is not { } me)
            return SendResult.Refused(ChatError.NotRegistered);
        if (!TryGetHolder(to, out var target) || target.Sessions.Length == 0)
            return _nicks.TryFind(to, out var remote) && remote is not OnlineNick ? SendTagsElsewhere(from, me, remote, clientTags) : SendResult.Refused(ChatError.NoSuchNick);
        var tags = new TagMessageEvent(me.Nick, target.Nick, clientTags)
        {
            Time = _time.GetUtcNow(),
            FromAddress = from.UserAddress,
            FromAccount = me.AccountName,
            FromBot = from.IsBot,
        };
        DeliverAll(target, tags);
        return new SendResult(ChatError.None, target.Nick, true, 1, Task.CompletedTask) { ToSelf = target == me, Tags = tags };
    }

    /// <summary>
    /// The away message of <paramref name="nick"/>: set when every session holding it is away (an
    /// account present on one device is present), the first session's message; null when present
    /// or offline.
    /// </summary>
    /// <param name="nick">The nick, any case.</param>
    /// <returns>The away message, or null.</returns>
    public string? AwayMessageOf(string nick)
    {
        ArgumentNullException.ThrowIfNull(nick);
        return TryGetHolder(nick, out var holder) ? AwayOf(holder) : null;
    }

    /// <summary>Marks the session away with <paramref name="message"/>, or back when it is null or empty.</summary>
    /// <param name="session">The session.</param>
    /// <param name="message">The away message; null or empty means back.</param>
    /// <remarks>
    /// Away is per session (each device says whether its user is there); the nick counts as away
    /// when all its sessions are (<see cref="AwayMessageOf"/>). When that changes, the users who
    /// share a room with the session get an <see cref="AwayChangedEvent"/> (IRC's away-notify);
    /// others see the message when they message or look up the user.
    /// </remarks>
    public void SetAway(ChatSession session, string? message)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!_sessions.ContainsKey(session.Id))
            return;
        var holder = session.Presence;
        var before = holder is null ? null : AwayOf(holder);
        session.AwayMessage = string.IsNullOrEmpty(message) ? null : message;
        if (holder is null)
            return;
        var after = AwayOf(holder);
        if (!string.Equals(before, after, StringComparison.Ordinal))
            SendToRoomPeers(session, new AwayChangedEvent(holder.Nick, after) { Time = _time.GetUtcNow(), Address = session.UserAddress });
    }

    /// <summary>
    /// Changes the session's real name (IRC's <c>SETNAME</c>); the users sharing a room with it are
    /// told (<see cref="RealNameChangedEvent"/>), the session itself is not.
    /// </summary>
    /// <param name="session">A registered session.</param>
    /// <param name="realName">The new real name, not empty.</param>
    public void SetRealName(ChatSession session, string realName)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(realName);
        session.SetUserInfo(session.UserName, realName);
        if (session.Presence is { } holder)
            SendToRoomPeers(session, new RealNameChangedEvent(holder.Nick, realName) { Time = _time.GetUtcNow(), Address = session.UserAddress });
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
        var now = _time.GetUtcNow();
        var receipt = _messages.Append(new NewMessage(
            MessageKind.Broadcast, now, me.Nick, me.AccountId, null, null, text, Delivered: true));
        var recipients = SendToOthers(me, new BroadcastEvent(me.Nick, text)
        {
            Time = now,
            FromAddress = from.UserAddress,
            MessageId = receipt.Message.Id,
            FromAccount = me.AccountName,
        });
        ChatMetrics.BroadcastSent(recipients);
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

    private static DirectMessageEvent NewDirect(
        ChatSession from, OnlineNick me, string to, string text, bool notice, DateTimeOffset time, long id,
        IReadOnlyList<KeyValuePair<string, string>> clientTags) =>
        new(me.Nick, to, text)
        {
            Time = time,
            FromAddress = from.UserAddress,
            IsNotice = notice,
            MessageId = id,
            FromAccount = me.AccountName,
            ClientTags = clientTags,
            FromBot = from.IsBot,
        };

    private static SendResult Sent(string nick, OnlineNick? holder, OnlineNick me, DirectMessageEvent message, Task committed) =>
        new(ChatError.None, nick, holder is not null, holder is null ? 0 : 1, committed)
        {
            Message = message,
            ToSelf = holder == me,
            RecipientAway = holder is null ? null : AwayOf(holder),
        };

    private static string? AwayOf(OnlineNick holder)
    {
        string? away = null;
        foreach (var session in holder.Sessions)
        {
            if (session.AwayMessage is not { } message)
                return null;
            away ??= message;
        }

        return away;
    }

    private void DeliverAll(OnlineNick holder, ChatEvent chatEvent) => Router.Publish(Audience.OfNick(holder), chatEvent);

    // The sender's other devices see what it sent; not when they received it already as the recipient.
    private void Echo(OnlineNick me, ChatSession from, OnlineNick? recipient, ChatMessage message)
    {
        if (me.AccountId is null || recipient == me)
            return;
        var sessions = me.Sessions;
        if (sessions.Length < 2)
            return;
        Router.Publish(Audience.OfNick(me, except: from), new EchoEvent(message) { Time = message.SentUtc, FromAccount = me.AccountName });
    }

    // One event instance for every recipient: each protocol encodes it once (ChatEvent.GetBytes).
    private int SendToOthers(OnlineNick except, ChatEvent chatEvent) => Router.Publish(Audience.EveryNick(_nicks, except), chatEvent);
}

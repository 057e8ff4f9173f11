using Parley.Core.Events;
using Parley.Core.Metrics;
using Parley.Core.Presence;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Rooms;

public sealed partial class RoomHub
{
    /// <summary>
    /// Says <paramref name="text"/> in a room: every other member receives it, the sender's account's
    /// other sessions in the room receive it as an echo, the sender gets its echo back in the result
    /// (<see cref="RoomSendResult.Echo"/>, never through its sink), and it is appended to the room's history.
    /// </summary>
    /// <param name="from">The sender; a member (or anyone, in a room without <c>+n</c>), and voiced or an op in a <c>+m</c> room.</param>
    /// <param name="name">The room.</param>
    /// <param name="text">Message text.</param>
    /// <param name="clientTags">
    /// Client metadata relayed with the message and never stored (IRCv3 client-only tags,
    /// <see cref="RoomMessageEvent.ClientTags"/>); null for none.
    /// </param>
    /// <param name="notice">True for a notice (IRC's <c>NOTICE #channel</c>): delivered as one, stored as a message.</param>
    /// <param name="cancellationToken">Unused: the message is queued for storage without waiting.</param>
    /// <returns>
    /// The message, how many members it reached and its commit (<see cref="RoomSendResult.Committed"/>),
    /// or why it was refused. Completes synchronously.
    /// </returns>
    /// <remarks>
    /// The hot path: one read of the member array (no lock), one event encoded once per protocol
    /// and published to the members (<see cref="IEventRouter.Publish(in Audience, ChatEvent, ChatEvent)"/>),
    /// one more (the echo) for the sender, then the history write is queued. Live delivery never waits for the disk; the sender's <c>OK</c> does.
    /// </remarks>
    public ValueTask<RoomSendResult> SayAsync(ChatSession from, string name, string text, IReadOnlyList<KeyValuePair<string, string>>? clientTags = null, bool notice = false, CancellationToken cancellationToken = default)
    {
        var error = CheckSend(from, name, text, out var room);
        if (error != ChatError.None)
            return ValueTask.FromResult(RoomSendResult.Refused(error));

        var message = new RoomMessage(_ids.NextRoomMessageId(), room!.Name, from.Nick!, text, _time.GetUtcNow(), from.AccountId);
        var echo = SendMessage(room, message, from, clientTags ?? [], notice, out var recipients);
        ChatMetrics.RoomMessageSent(recipients);
        var committed = _history.Append(message);
        return ValueTask.FromResult(new RoomSendResult(ChatError.None, message, recipients, committed) { Echo = echo });
    }

    // One event instance for the other members, one echo instance for the sender's account's other
    // sessions in the room (they see their own message as an echo too) and for the sender itself,
    // which gets it back in the result (also when kicked between the check and the snapshot).
    private RoomMessageEvent SendMessage(Room room, RoomMessage message, ChatSession from, IReadOnlyList<KeyValuePair<string, string>> clientTags, bool notice, out int recipients)
    {
        var account = from.AccountName;
        var chatEvent = new RoomMessageEvent(message, IsEcho: false) { Time = message.Time, ActorAddress = from.UserAddress, FromAccount = account, ClientTags = clientTags, IsNotice = notice, FromBot = from.IsBot };
        var echo = new RoomMessageEvent(message, IsEcho: true) { Time = message.Time, ActorAddress = from.UserAddress, FromAccount = account, ClientTags = clientTags, IsNotice = notice, FromBot = from.IsBot };
        // Decided once, not per member: only a signed-in sender has other sessions that see an echo.
        var sender = from.Presence is { AccountId: not null } presence ? presence : null;
        recipients = _hub.Router.Publish(Audience.OfMembers(room, room.MemberArrayForReading, except: from, exceptNick: sender), chatEvent, echo);
        return echo;
    }

    /// <summary>
    /// Relays client metadata without a message (<see cref="RoomTagMessageEvent"/>, IRC's
    /// <c>TAGMSG #channel</c>) to the room's other members online now; nothing is stored.
    /// </summary>
    /// <param name="from">The sender; must be a member, and voiced or an op in a <c>+m</c> room.</param>
    /// <param name="name">The room.</param>
    /// <param name="clientTags">The client-only tags.</param>
    /// <param name="sent">The event as delivered, so the sender's front-end can echo it; null when refused.</param>
    /// <returns><see cref="ChatError.None"/>, or why not (as <see cref="SayAsync"/>).</returns>
    public ChatError SendTags(ChatSession from, string name, IReadOnlyList<KeyValuePair<string, string>> clientTags, out RoomTagMessageEvent? sent)
    {
        ArgumentNullException.ThrowIfNull(clientTags);
        sent = null;
        var error = CheckSend(from, name, text: null, out var room);
        if (error != ChatError.None)
            return error;

        sent = new RoomTagMessageEvent(room!.Name, from.Nick!, clientTags)
        {
            Time = _time.GetUtcNow(),
            ActorAddress = from.UserAddress,
            FromAccount = from.AccountName,
            FromBot = from.IsBot,
        };
        _hub.Router.Publish(Audience.OfMembers(room, room.MemberArrayForReading, except: from), sent);

        return ChatError.None;
    }

    // Who may send to a room: its members, and anyone in a room without +n (RFC 2812 §4.2.5);
    // then voice (or op) is needed in a +m room, and to speak past a ban set after joining or a
    // mute (as in IRC); in a +C room no CTCP but ACTION, whoever sends it.
    private ChatError CheckSend(ChatSession from, string name, string? text, out Room? room)
    {
        var error = FindMembership(from, name, out room, out var member);
        if (error == ChatError.NotInRoom && !room!.Modes.HasFlag(RoomModes.NoExternal))
            error = ChatError.None;
        if (error != ChatError.None)
            return error;
        if (member is not { HasVoice: true } && (room!.Modes.HasFlag(RoomModes.Moderated) || room.IsBanned(from) || room.IsMuted(from)))
            return ChatError.CannotSend;
        if (room!.Modes.HasFlag(RoomModes.NoCtcp) && text is not null && IsCtcp(text))
            return ChatError.CannotSend;
        return ChatError.None;
    }

    // A CTCP request or reply other than ACTION (/me): text that starts with \x01.
    private static bool IsCtcp(string text) =>
        text.StartsWith('\x01') && !text.StartsWith("\x01ACTION", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a room's history, for members.</summary>
    /// <param name="asker">The asking member.</param>
    /// <param name="name">The room.</param>
    /// <param name="count">Messages wanted; clamped to 1..<see cref="RoomOptions.MaxHistoryPage"/>.</param>
    /// <param name="beforeId">Only messages older than this id; null for the newest.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The messages, oldest first, or why not.</returns>
    public async ValueTask<HistoryResult> ReadHistoryAsync(ChatSession asker, string name, int count, long? beforeId, CancellationToken cancellationToken = default) =>
        await ReadHistoryAsync(asker, name, count, beforeId, withEvents: false, cancellationToken);

    /// <summary>Reads a room's history for members, with its events (joins, parts, quits, kicks, topics) when <paramref name="withEvents"/> (IRC's draft/event-playback).</summary>
    /// <param name="asker">The asking member.</param>
    /// <param name="name">The room.</param>
    /// <param name="count">Entries wanted; clamped to 1..<see cref="RoomOptions.MaxHistoryPage"/>.</param>
    /// <param name="beforeId">Only entries older than this id; null for the newest.</param>
    /// <param name="withEvents">True to include events (<see cref="RoomMessage.Kind"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries, oldest first, or why not.</returns>
    public async ValueTask<HistoryResult> ReadHistoryAsync(ChatSession asker, string name, int count, long? beforeId, bool withEvents, CancellationToken cancellationToken = default)
    {
        var error = FindMembership(asker, name, out var room, out _);
        if (error != ChatError.None)
            return new HistoryResult(error, []);
        var clamped = Math.Clamp(count, 1, Options.MaxHistoryPage);
        var messages = withEvents
            ? await _history.ReadWithEventsAsync(room!.Name, clamped, beforeId, cancellationToken)
            : await _history.ReadAsync(room!.Name, clamped, beforeId, cancellationToken);
        return new HistoryResult(ChatError.None, messages);
    }

    /// <summary>The time of a room's newest message strictly between two times; null when none (no membership check: the caller passes its own rooms).</summary>
    /// <param name="name">The room.</param>
    /// <param name="after">The window's start (exclusive).</param>
    /// <param name="before">The window's end (exclusive).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The time, or null.</returns>
    internal ValueTask<DateTimeOffset?> GetLatestTimeAsync(string name, DateTimeOffset after, DateTimeOffset before, CancellationToken cancellationToken) =>
        _history.GetLatestTimeAsync(name, after, before, cancellationToken);
}

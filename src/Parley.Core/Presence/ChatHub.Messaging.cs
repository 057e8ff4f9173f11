using Parley.Core.Events;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    /// <summary>Sends a direct message to the session that holds <paramref name="to"/>.</summary>
    /// <param name="from">The sender; must be registered.</param>
    /// <param name="to">The recipient's nick, any case.</param>
    /// <param name="text">Message text.</param>
    /// <param name="recipient">The recipient's nick as shown, when delivered.</param>
    /// <returns><see cref="ChatError.None"/>, <see cref="ChatError.NotRegistered"/> or <see cref="ChatError.NoSuchNick"/>.</returns>
    public ChatError SendDirect(ChatSession from, string to, string text, out string? recipient)
    {
        var error = SendDirect(from, to, text, notice: false, out var message, out _);
        recipient = message?.To;
        return error;
    }

    /// <summary>
    /// Sends a direct message or notice to the session that holds <paramref name="to"/>, and
    /// returns the event delivered, so that the sender's front-end can echo the very same
    /// message (same time, same cached bytes) back to its sender.
    /// </summary>
    /// <param name="from">The sender; must be registered.</param>
    /// <param name="to">The recipient's nick, any case.</param>
    /// <param name="text">Message text.</param>
    /// <param name="notice">True for a notice (<see cref="DirectMessageEvent.IsNotice"/>).</param>
    /// <param name="message">The event delivered, or null when not delivered.</param>
    /// <param name="recipient">The recipient's session, or null when not delivered (e.g. to read its away message).</param>
    /// <returns><see cref="ChatError.None"/>, <see cref="ChatError.NotRegistered"/> or <see cref="ChatError.NoSuchNick"/>.</returns>
    public ChatError SendDirect(
        ChatSession from, string to, string text, bool notice, out DirectMessageEvent? message, out ChatSession? recipient)
    {
        ArgumentNullException.ThrowIfNull(from);
        message = null;
        recipient = null;
        if (from.Nick is not { } sender)
            return ChatError.NotRegistered;
        if (!_byNick.TryGetValue(to, out var target) || target.Nick is not { } targetNick)
            return ChatError.NoSuchNick;

        message = new DirectMessageEvent(sender, targetNick, text)
        {
            Time = _time.GetUtcNow(),
            FromAddress = from.Address,
            IsNotice = notice,
        };
        target.Sink.Deliver(message);
        recipient = target;
        return ChatError.None;
    }

    /// <summary>Sends a message to every other registered user.</summary>
    /// <param name="from">The sender; must be registered.</param>
    /// <param name="text">Message text.</param>
    /// <param name="recipients">How many users it was handed to.</param>
    /// <returns><see cref="ChatError.None"/> or <see cref="ChatError.NotRegistered"/>.</returns>
    public ChatError Broadcast(ChatSession from, string text, out int recipients)
    {
        ArgumentNullException.ThrowIfNull(from);
        recipients = 0;
        if (from.Nick is not { } sender)
            return ChatError.NotRegistered;
        recipients = SendToOthers(from, new BroadcastEvent(sender, text) { Time = _time.GetUtcNow(), FromAddress = from.Address });
        return ChatError.None;
    }

    /// <summary>Marks the session away with <paramref name="message"/>, or back when it is null or empty.</summary>
    /// <param name="session">The session.</param>
    /// <param name="message">The away message; null or empty means back.</param>
    /// <remarks>
    /// Nobody is told yet: IRC's away-notify reaches only those who share a channel, so it comes
    /// with rooms. Others see the message when they message or look up the user.
    /// </remarks>
    public void SetAway(ChatSession session, string? message)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!_sessions.ContainsKey(session.Id))
            return;
        session.AwayMessage = string.IsNullOrEmpty(message) ? null : message;
    }

    // One event instance for every recipient: each protocol encodes it once (ChatEvent.GetBytes).
    private int SendToOthers(ChatSession except, ChatEvent chatEvent)
    {
        var count = 0;
        foreach (var (_, session) in _byNick)
        {
            if (session == except)
                continue;
            session.Sink.Deliver(chatEvent);
            count++;
        }

        return count;
    }
}

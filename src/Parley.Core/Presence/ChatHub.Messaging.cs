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
        ArgumentNullException.ThrowIfNull(from);
        recipient = null;
        if (from.Nick is not { } sender)
            return ChatError.NotRegistered;
        if (!_byNick.TryGetValue(to, out var target) || target.Nick is not { } targetNick)
            return ChatError.NoSuchNick;

        target.Sink.Deliver(new DirectMessageEvent(sender, targetNick, text));
        recipient = targetNick;
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
        recipients = SendToOthers(from, new BroadcastEvent(sender, text));
        return ChatError.None;
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

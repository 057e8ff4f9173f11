using Parley.Core.Events;
using Parley.Core.Messages;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    /// <summary>
    /// Redacts a direct message (IRCv3 draft/message-redaction): its author removes it from
    /// history; both parties' sessions are told (<see cref="DirectMessageRedactedEvent"/>) once the
    /// removal is durable.
    /// </summary>
    /// <param name="by">The asker; must be logged in (direct history is an account's).</param>
    /// <param name="nick">The other party of the conversation.</param>
    /// <param name="id">The message's id.</param>
    /// <param name="reason">Why; null for none.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>
    /// <see cref="ChatError.None"/>, <see cref="ChatError.NotLoggedIn"/>, <see cref="ChatError.NoSuchMessage"/>
    /// (no such message between the two: nothing is told about other conversations), or
    /// <see cref="ChatError.NotMessageAuthor"/> (the other party's message).
    /// </returns>
    public async ValueTask<ChatError> RedactDirectAsync(ChatSession by, string nick, long id, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(nick);
        if (by.AccountId is not { } me || by.Nick is not { } myNick)
            return ChatError.NotLoggedIn;
        await _messages.FlushAsync(cancellationToken);
        var stored = await _messages.FindAsync(id, cancellationToken);
        if (stored is not { Message: { Kind: MessageKind.Direct, To: { } to } message })
            return ChatError.NoSuchMessage;
        var sent = stored.FromAccountId == me && NickRules.Comparer.Equals(to, nick);
        var received = stored.ToAccountId == me && NickRules.Comparer.Equals(message.From, nick);
        if (!sent && !received)
            return ChatError.NoSuchMessage;
        if (!sent)
            return ChatError.NotMessageAuthor;

        await _messages.RemoveAsync(id);
        var redacted = new DirectMessageRedactedEvent(myNick, to, id, reason) { Time = _time.GetUtcNow(), FromAddress = by.UserAddress };
        Router.Publish(NickAudience(myNick), redacted);
        if (!NickRules.Comparer.Equals(to, myNick))
            Router.Publish(NickAudience(to), redacted);

        return ChatError.None;
    }
}

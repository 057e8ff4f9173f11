using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Rooms;

public sealed partial class RoomHub
{
    /// <summary>
    /// Redacts a room message (IRCv3 draft/message-redaction): removes it from the room's history
    /// and tells every member (<see cref="RoomMessageRedactedEvent"/>), once the removal is durable.
    /// </summary>
    /// <param name="by">The asker: a member (or a server operator, member or not).</param>
    /// <param name="name">The room.</param>
    /// <param name="id">The message's id.</param>
    /// <param name="reason">Why; null for none.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>
    /// <see cref="ChatError.None"/>; <see cref="ChatError.NoSuchRoom"/>, <see cref="ChatError.NotInRoom"/>,
    /// <see cref="ChatError.InvalidRoom"/>; <see cref="ChatError.NoSuchMessage"/> (not in this room's
    /// history); <see cref="ChatError.NotMessageAuthor"/> (someone else's, and the asker is no operator).
    /// </returns>
    /// <remarks>
    /// Allowed to the author (the same account; for a guest's message, a guest of the same nick),
    /// the room's operators and owner, and server operators.
    /// </remarks>
    public async ValueTask<ChatError> RedactAsync(ChatSession by, string name, long id, string? reason, CancellationToken cancellationToken = default)
    {
        var serverOperator = _hub.Operators.IsOperator(by);
        var error = FindMembership(by, name, out var room, out var member);
        if (error == ChatError.NotInRoom && serverOperator)
            error = ChatError.None;
        if (error != ChatError.None)
            return error;
        var message = await _history.FindAsync(room!.Name, id, cancellationToken);
        if (message is null)
            return ChatError.NoSuchMessage;
        var author = message.FromAccountId is { } account
            ? account == by.AccountId
            : by.AccountId is null && NickRules.Comparer.Equals(message.From, by.Nick);
        if (!author && member is not { IsOp: true } && !serverOperator)
            return ChatError.NotMessageAuthor;

        await _history.RemoveAsync(room.Name, id);
        var redacted = new RoomMessageRedactedEvent(room.Name, id, by.Nick!, reason)
        {
            Time = _time.GetUtcNow(),
            ActorAddress = by.UserAddress,
            ActorSessionId = by.Id,
        };
        Send(room, room.MemberArrayForReading, redacted);
        if (member is null)
            _hub.Router.Publish(Audience.Of(by), redacted);
        return ChatError.None;
    }
}

using Parley.Core.Events;

namespace Parley.Core.Sessions;

/// <summary>
/// The core's way out to one connection, implemented by each front-end. The core calls it from
/// other users' threads while fanning out, so it MUST NOT block and MUST NOT reorder.
/// </summary>
public interface ISessionSink
{
    /// <summary>Queues <paramref name="chatEvent"/> for the connection.</summary>
    /// <param name="chatEvent">The event; encode it with <see cref="ChatEvent.GetBytes"/>.</param>
    /// <remarks>
    /// Never blocks. When the connection's outbound queue is full the sink disconnects it as a
    /// slow consumer; the sender is never delayed.
    /// </remarks>
    void Deliver(ChatEvent chatEvent);

    /// <summary>Sends a final notice (if the protocol has one), flushes what is queued, and closes.</summary>
    /// <param name="reason">Why the connection closes, shown to the user.</param>
    /// <remarks>Never blocks; idempotent.</remarks>
    void Close(string reason);

    /// <summary>
    /// True (the default) when the connection is told of every user's arrival, departure and
    /// rename server-wide (the line protocol's <c>SYS</c> lines, coalesced in bursts); false when
    /// its protocol shows them only for users sharing a room (IRC), which the hub then routes to
    /// it through the rooms, so it is never handed what it would discard.
    /// </summary>
    bool SeesAllPresence => true;

    /// <summary>
    /// Hands the connection a change of a user it watches (<see cref="Presence.ChatHub.WatchPresence"/>,
    /// IRC's MONITOR) but shares no room with: away, account, real name or host
    /// (<see cref="AwayChangedEvent"/>, <see cref="AccountChangedEvent"/>,
    /// <see cref="RealNameChangedEvent"/>). Room peers get the same event through
    /// <see cref="Deliver"/> instead, once. The default ignores it (IRCv3 extended-monitor is opt-in).
    /// </summary>
    /// <param name="chatEvent">The event.</param>
    /// <remarks>As <see cref="Deliver"/>: never blocks, never reorders.</remarks>
    void DeliverWatched(ChatEvent chatEvent)
    {
    }
}

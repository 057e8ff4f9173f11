using Parley.Core.Events;
using Parley.Core.Sessions;

namespace Parley.Core.Routing;

/// <summary>
/// The chat core's routing port (a backplane, or message bus): the hubs publish events to
/// <see cref="Audience"/>s through it and never touch a session's <see cref="ISessionSink"/>.
/// <see cref="InProcessEventRouter"/> is the default; a broker-backed one (issue 15) routes across
/// nodes and must keep the same guarantees (docs/architecture.md, "Routing port: audiences, not sinks").
/// </summary>
/// <remarks>
/// <para>Thread-safe: any thread publishes, concurrently. Implementations MUST NOT block and MUST NOT
/// reorder: two events published by one thread to overlapping audiences reach each common session
/// in that order, and an event reaches a session at most once per publish.</para>
/// <para>One event instance goes to every recipient, so each protocol encodes it once
/// (<see cref="ChatEvent.GetBytes"/>); a router never copies or re-encodes it per session.</para>
/// </remarks>
public interface IEventRouter
{
    /// <summary>Hands <paramref name="chatEvent"/> to every session of <paramref name="audience"/>, once each.</summary>
    /// <param name="audience">Who.</param>
    /// <param name="chatEvent">The event, shared by every recipient.</param>
    /// <returns>
    /// How many it was handed to: sessions, or nicks for <see cref="AudienceKind.EveryNick"/>; 0 for
    /// <see cref="AudienceKind.RoomPresence"/>, which is queued (<see cref="Announce"/>).
    /// </returns>
    int Publish(in Audience audience, ChatEvent chatEvent);

    /// <summary>
    /// Hands <paramref name="chatEvent"/> to a room's members and <paramref name="echo"/> to the
    /// sessions of the nick the audience leaves out (the sender's account's other sessions in the
    /// room): one pass, for the hot path of a room message.
    /// </summary>
    /// <param name="audience">A <see cref="AudienceKind.RoomMembers"/> audience; other kinds ignore <paramref name="echo"/>.</param>
    /// <param name="chatEvent">The event for the members.</param>
    /// <param name="echo">The echo for the left-out nick's sessions.</param>
    /// <returns>How many members got <paramref name="chatEvent"/>; echoes are not counted.</returns>
    int Publish(in Audience audience, ChatEvent chatEvent, ChatEvent echo);

    /// <summary>
    /// Hands <paramref name="chatEvent"/> to a room audience after the room's earlier announcements,
    /// in turns when the room is large (<see cref="RoomAnnouncer"/>); returns before it is delivered.
    /// Joins, parts, kicks, quits and the rooms' share of a rename go this way.
    /// </summary>
    /// <param name="audience">A member snapshot with its epoch (<see cref="AudienceKind.RoomMembers"/>), or <see cref="AudienceKind.RoomPresence"/>; any other kind is published at once.</param>
    /// <param name="chatEvent">The event.</param>
    void Announce(in Audience audience, ChatEvent chatEvent);

    /// <summary>As <see cref="Announce"/>, completing once every member was handed the event.</summary>
    /// <param name="audience">As <see cref="Announce"/>.</param>
    /// <param name="chatEvent">The event.</param>
    /// <returns>Completes when delivered (at once for a small idle room). A joiner awaits it, so its later commands follow its JOIN.</returns>
    ValueTask AnnounceAsync(in Audience audience, ChatEvent chatEvent);

    /// <summary>Closes every session of <paramref name="audience"/> with <paramref name="reason"/> (kill, ban, ghost, drop, shutdown).</summary>
    /// <param name="audience">A <see cref="AudienceKind.Session"/>, <see cref="AudienceKind.Nick"/> or <see cref="AudienceKind.Account"/> audience; others close nobody.</param>
    /// <param name="reason">Why, shown to the user (<see cref="ISessionSink.Close"/>).</param>
    /// <returns>How many sessions were closed.</returns>
    int Close(in Audience audience, string reason);

    /// <summary>
    /// The session holds a nick now, or no longer (signed out, left): it joins or leaves
    /// <see cref="AudienceKind.Everyone"/> when its sink sees all presence (<see cref="ISessionSink.SeesAllPresence"/>).
    /// Idempotent; called again with true when an online session's nick changes (a rename), so a
    /// router across nodes can move the nick's binding.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="online">True when it holds a nick.</param>
    void SetOnline(ChatSession session, bool online);

    /// <summary>The session becomes a presence watcher (IRC's MONITOR), or no longer one. Idempotent.</summary>
    /// <param name="session">The session.</param>
    /// <param name="watching">True to watch.</param>
    void SetWatching(ChatSession session, bool watching);
}

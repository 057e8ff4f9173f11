using Parley.Core.Events;
using Parley.Core.Rooms;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    // Presence per audience: sessions that see everyone's presence (line) get it from the
    // coalescer or at once; the others (IRC) only through the rooms they share with the user, so
    // no session is handed what it would discard and n arrivals never cost n x n deliveries.

    /// <summary>
    /// Makes <paramref name="session"/> a presence watcher, or no longer one: handed every arrival,
    /// departure and rename server-wide, at once and uncoalesced, whatever its sink's
    /// <see cref="Sessions.ISessionSink.SeesAllPresence"/> (IRC's MONITOR). Idempotent.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="watch">True to watch, false to stop.</param>
    public void WatchPresence(ChatSession session, bool watch)
    {
        ArgumentNullException.ThrowIfNull(session);
        Router.SetWatching(session, watch && !session.HasLeft);
    }

    // An arrival: coalesced for the everyone-audience; room peers are not told (IRC shows none).
    private void AnnounceJoined(OnlineNick holder, UserJoinedEvent joined)
    {
        _presence.Publish(joined, holder);
        DeliverToWatchers(joined, holder);
    }

    // A departure: coalesced for the everyone-audience, at once for room peers of the other kind.
    private void AnnounceLeft(OnlineNick holder, UserLeftEvent left, IReadOnlyCollection<Room> rooms)
    {
        _presence.Publish(left, holder);
        Router.Announce(Audience.PresenceIn(rooms, holder), left);
        DeliverToWatchers(left, holder);
    }

    private void DeliverToWatchers(ChatEvent chatEvent, OnlineNick except) => Router.Publish(Audience.WatchersOf(except), chatEvent);

    // A rename (or a guest turning into an account online elsewhere): rare, never coalesced.
    // `rooms` are the rooms the event names (its Rooms), the live ones, for their announcers.
    private void AnnounceNow(OnlineNick holder, ChatEvent chatEvent, IReadOnlyCollection<Room> rooms)
    {
        DeliverPresence(chatEvent, holder);
        Router.Announce(Audience.PresenceIn(rooms, holder), chatEvent);
        DeliverToWatchers(chatEvent, holder);
    }

    // The names an event carries for these rooms (events hold data, not live rooms).
    private static string[] NamesOf(IReadOnlyCollection<Room> rooms)
    {
        if (rooms.Count == 0)
            return [];
        var names = new string[rooms.Count];
        var i = 0;
        foreach (var room in rooms)
            names[i++] = room.Name;
        return names;
    }

    // The coalescer's way out: every session that sees all presence, but the subject's own.
    private void DeliverPresence(ChatEvent chatEvent, OnlineNick? except) => Router.Publish(Audience.Everyone(except), chatEvent);
}

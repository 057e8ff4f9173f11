using Parley.Core.Events;
using Parley.Core.Rooms;
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
        if (watch && !session.HasLeft)
            _presenceWatchers[session.Id] = session;
        else
            _presenceWatchers.TryRemove(session.Id, out _);
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
        SendToRoomAudience(rooms, holder, left);
        DeliverToWatchers(left, holder);
    }

    private void DeliverToWatchers(ChatEvent chatEvent, OnlineNick except)
    {
        if (_presenceWatchers.IsEmpty)
            return;
        foreach (var (_, session) in _presenceWatchers)
        {
            if (session.Presence != except && !session.Sink.SeesAllPresence)
                session.Sink.Deliver(chatEvent);
        }
    }

    // A rename (or a guest turning into an account online elsewhere): rare, never coalesced.
    // `rooms` are the rooms the event names (its Rooms), the live ones, for their announcers.
    private void AnnounceNow(OnlineNick holder, ChatEvent chatEvent, IReadOnlyCollection<Room> rooms)
    {
        DeliverPresence(chatEvent, holder);
        SendToRoomAudience(rooms, holder, chatEvent);
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
    private void DeliverPresence(ChatEvent chatEvent, OnlineNick? except)
    {
        foreach (var (_, session) in _presenceAudience)
        {
            if (except is null || session.Presence != except)
                session.Sink.Deliver(chatEvent);
        }
    }

    // The members of `rooms` whose sinks see presence only through rooms, once each, through each
    // room's announcer: after the room's earlier announcements (a JOIN still going out comes
    // first) and in turns, so a crowd leaving a large room never holds the leaving threads.
    private void SendToRoomAudience(IReadOnlyCollection<Room> rooms, OnlineNick except, ChatEvent chatEvent)
    {
        if (rooms.Count == 0)
            return;
        // Several rooms' announcers may run at once: the once-each set is shared between them.
        var seen = rooms.Count > 1 ? new System.Collections.Concurrent.ConcurrentDictionary<ChatSession, byte>() : null;
        Func<ChatSession, bool> skip = peer =>
            // Watchers get it once, as watchers (and show the QUIT when they share a room).
            peer.Sink.SeesAllPresence || peer.Presence == except || _presenceWatchers.ContainsKey(peer.Id) || (seen is not null && !seen.TryAdd(peer, 0));
        foreach (var room in rooms)
            RoomHub.Announce(room, chatEvent, skip);
    }
}

using Parley.Core.Events;
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
    private void AnnounceLeft(OnlineNick holder, UserLeftEvent left)
    {
        _presence.Publish(left, holder);
        Router.Announce(Audience.PresenceIn(left.Rooms, holder), left);
        DeliverToWatchers(left, holder);
    }

    private void DeliverToWatchers(ChatEvent chatEvent, OnlineNick except) => Router.Publish(Audience.WatchersOf(except), chatEvent);

    // A rename (or a guest turning into an account online elsewhere): rare, never coalesced.
    private void AnnounceNow(OnlineNick holder, ChatEvent chatEvent)
    {
        DeliverPresence(chatEvent, holder);
        var rooms = chatEvent switch
        {
            NickChangedEvent renamed => renamed.Rooms,
            UserLeftEvent left => left.Rooms,
            _ => [],
        };
        Router.Announce(Audience.PresenceIn(rooms, holder), chatEvent);
        DeliverToWatchers(chatEvent, holder);
    }

    // The coalescer's way out: every session that sees all presence, but the subject's own.
    private void DeliverPresence(ChatEvent chatEvent, OnlineNick? except) => Router.Publish(Audience.Everyone(except), chatEvent);
}

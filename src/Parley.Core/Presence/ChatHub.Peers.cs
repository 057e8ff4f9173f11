using Parley.Core.Events;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    // Hands one event to every session sharing at least one room with `session`, once each even
    // when they share several, never to the nick's own sessions. Member arrays are read lock-free.
    // Then the presence watchers (MONITOR) that are not room peers get it as watched
    // (ISessionSink.DeliverWatched: IRCv3 extended-monitor), so none gets it twice.
    private void SendToRoomPeers(ChatSession session, ChatEvent chatEvent)
    {
        var self = session.Presence;
        HashSet<ChatSession>? seen = null;
        if (session.RoomCount > 0)
        {
            seen = [];
            foreach (var room in session.Rooms)
            {
                foreach (var member in room.Members)
                {
                    var peer = member.Session;
                    if (peer == session || (self is not null && peer.Presence == self) || !seen.Add(peer))
                        continue;
                    peer.Sink.Deliver(chatEvent);
                }
            }
        }

        if (_presenceWatchers.IsEmpty)
            return;
        foreach (var (_, watcher) in _presenceWatchers)
        {
            if (watcher != session && (self is null || watcher.Presence != self) && (seen is null || !seen.Contains(watcher)))
                watcher.Sink.DeliverWatched(chatEvent);
        }
    }
}

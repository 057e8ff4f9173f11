using Parley.Core.Events;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    // Hands one event to every session sharing at least one room with `session`, once each even
    // when they share several, never to the nick's own sessions. Member arrays are read lock-free.
    private static void SendToRoomPeers(ChatSession session, ChatEvent chatEvent)
    {
        if (session.RoomCount == 0)
            return;
        var seen = new HashSet<ChatSession>();
        var self = session.Presence;
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
}

using Parley.Core.Events;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    // Hands one event to every session sharing at least one room with `session`, once each even
    // when they share several, never to the nick's own sessions; then to the presence watchers
    // (MONITOR) that are not room peers, as watched (IRCv3 extended-monitor), so none gets it twice.
    private void SendToRoomPeers(ChatSession session, ChatEvent chatEvent) => Router.Publish(Audience.PeersOf(session), chatEvent);
}

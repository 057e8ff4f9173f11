using System.Collections.Concurrent;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;

namespace Parley.Core.Routing;

public sealed partial class InProcessEventRouter
{
    /// <inheritdoc />
    public void Announce(in Audience audience, ChatEvent chatEvent)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        switch (audience.Kind)
        {
            case AudienceKind.RoomMembers when audience.Epoch >= 0:
                audience.Room!.Announcer.Announce(audience.Members!, audience.Epoch, chatEvent);
                break;
            case AudienceKind.RoomPresence:
                AnnouncePresence(audience.Rooms!, audience.Holder, chatEvent);
                break;
            default:
                Publish(in audience, chatEvent);
                break;
        }
    }

    /// <inheritdoc />
    public ValueTask AnnounceAsync(in Audience audience, ChatEvent chatEvent)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        if (audience.Kind == AudienceKind.RoomMembers && audience.Epoch >= 0)
            return audience.Room!.Announcer.AnnounceAsync(audience.Members!, audience.Epoch, chatEvent);
        Announce(in audience, chatEvent);
        return default;
    }

    // The hot path of a room message: one pass over the member snapshot, no allocation. The nick
    // left out (the sender's account) gets the echo instead, when there is one.
    private static int DeliverToMembers(in Audience audience, ChatEvent chatEvent, ChatEvent? echo)
    {
        var except = audience.Except;
        var exceptNick = audience.Holder;
        var minimum = audience.MinimumRole;
        var count = 0;
        foreach (var member in audience.Members!)
        {
            var session = member.Session;
            if (session == except)
                continue;
            if (exceptNick is not null && session.Presence == exceptNick)
            {
                if (echo is not null)
                    session.Sink.Deliver(echo);
                continue;
            }

            if (minimum != MemberRole.None && !MemberRoles.Holds(member.Role, minimum))
                continue;
            session.Sink.Deliver(chatEvent);
            count++;
        }

        return count;
    }

    // Every session sharing at least one room with `session`, once each even when they share
    // several, never the nick's own sessions; member arrays are read lock-free. Then the presence
    // watchers (MONITOR) that are not room peers get it as watched (ISessionSink.DeliverWatched:
    // IRCv3 extended-monitor), so none gets it twice.
    private int DeliverToPeers(ChatSession session, ChatEvent chatEvent)
    {
        var self = session.Presence;
        HashSet<ChatSession>? seen = null;
        var count = 0;
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
                    count++;
                }
            }
        }

        if (_watchers.IsEmpty)
            return count;
        foreach (var (_, watcher) in _watchers)
        {
            if (watcher != session && (self is null || watcher.Presence != self) && (seen is null || !seen.Contains(watcher)))
                watcher.Sink.DeliverWatched(chatEvent);
        }

        return count;
    }

    // The members of `rooms` whose sinks see presence only through rooms, once each, through each
    // room's announcer: after the room's earlier announcements (a JOIN still going out comes
    // first) and in turns, so a crowd leaving a large room never holds the leaving threads.
    private void AnnouncePresence(IReadOnlyCollection<Room> rooms, OnlineNick? except, ChatEvent chatEvent)
    {
        if (rooms.Count == 0)
            return;
        // Several rooms' announcers may run at once: the once-each set is shared between them.
        var seen = rooms.Count > 1 ? new ConcurrentDictionary<ChatSession, byte>() : null;
        Func<ChatSession, bool> skip = peer =>
            // Watchers get it once, as watchers (and show the QUIT when they share a room).
            peer.Sink.SeesAllPresence || peer.Presence == except || _watchers.ContainsKey(peer.Id) || (seen is not null && !seen.TryAdd(peer, 0));
        foreach (var room in rooms)
        {
            RoomMember[] members;
            int epoch;
            lock (room.Gate)
            {
                members = room.MemberArray;
                epoch = room.MembershipEpoch;
            }

            room.Announcer.Announce(members, epoch, chatEvent, skip);
        }
    }
}

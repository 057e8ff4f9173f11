using System.Collections.Concurrent;
using Parley.Core.Rooms;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Cluster.RabbitMq;

public sealed partial class RabbitMqEventRouter
{
    // What this node hosts, for events from other nodes: read lock-free (copy-on-write arrays),
    // changed under _bindLock, which also orders each key's bind and unbind in the outgoing stream.
    private readonly Lock _bindLock = new();
    private readonly ConcurrentDictionary<long, HostedSession> _online = new();
    private readonly ConcurrentDictionary<long, ChatSession> _watchers = new();
    private readonly ConcurrentDictionary<string, ChatSession[]> _byNick = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<long, ChatSession[]> _byAccount = new();
    // Rooms by name as RoomNames compares them (ordinal, ignoring case): the local room object.
    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.OrdinalIgnoreCase);
    // Each hosted room's bind, completed once the broker confirmed it (a joiner waits for it). Under _bindLock.
    private readonly Dictionary<string, TaskCompletionSource> _roomBinds = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The routing keys this node's queue is bound to now (besides <c>all</c>), for tests and diagnostics.</summary>
    public IReadOnlyCollection<string> BoundKeys
    {
        get
        {
            lock (_bindLock)
            {
                return [.. _byNick.Keys.Select(RoutingKeys.Nick), .. _byAccount.Keys.Select(RoutingKeys.Account), .. _rooms.Keys.Select(RoutingKeys.Room)];
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Binds <c>nick.&lt;nick&gt;</c> (and <c>account.&lt;id&gt;</c>) for the first local session holding it, unbinds after the last.</remarks>
    public void SetOnline(ChatSession session, bool online)
    {
        _local.SetOnline(session, online);
        lock (_bindLock)
        {
            _online.TryGetValue(session.Id, out var before);
            var now = online && !session.HasLeft && session.Nick is { } nick ? new HostedSession(session, nick, session.AccountId) : null;
            if (before is not null && now is not null && StringComparer.OrdinalIgnoreCase.Equals(before.Nick, now.Nick) && before.AccountId == now.AccountId)
            {
                _online[session.Id] = now;
                AnnounceUser(session, goneNick: null);
                return;
            }

            string? gone = null;
            if (before is not null)
            {
                _online.TryRemove(session.Id, out _);
                if (Remove(_byNick, before.Nick, session))
                {
                    Enqueue(new RoutedEnvelope { Operation = RoutedOperation.Unbind, Key = RoutingKeys.Nick(before.Nick) });
                    gone = before.Nick;
                }
                if (before.AccountId is { } account && Remove(_byAccount, account, session))
                    Enqueue(new RoutedEnvelope { Operation = RoutedOperation.Unbind, Key = RoutingKeys.Account(account) });
            }

            if (now is not null)
            {
                _online[session.Id] = now;
                if (Add(_byNick, now.Nick, session))
                    Enqueue(new RoutedEnvelope { Operation = RoutedOperation.Bind, Key = RoutingKeys.Nick(now.Nick) });
                if (now.AccountId is { } account && Add(_byAccount, account, session))
                    Enqueue(new RoutedEnvelope { Operation = RoutedOperation.Bind, Key = RoutingKeys.Account(account) });
            }

            AnnounceUser(session, gone);
        }
    }

    /// <inheritdoc />
    public void SetWatching(ChatSession session, bool watching)
    {
        _local.SetWatching(session, watching);
        if (watching)
            _watchers[session.Id] = session;
        else
            _watchers.TryRemove(session.Id, out _);
    }

    // Every change of a room's membership is announced (join, part, kick, quit): the room's key
    // is bound while the local room has members and unbound when it empties. Returns the room's
    // bind, completed once the broker has it (at once for presence, which only empties rooms).
    private Task NoteMembership(in Audience audience)
    {
        if (audience.Kind == AudienceKind.RoomMembers)
            return NoteRoom(audience.Room!);
        if (audience.Kind == AudienceKind.RoomPresence)
        {
            foreach (var room in audience.Rooms!)
                NoteRoom(room);
        }

        return Task.CompletedTask;
    }

    private Task NoteRoom(Room room)
    {
        lock (_bindLock)
        {
            var hosted = _rooms.TryGetValue(room.Name, out var known);
            if (room.MemberCount > 0)
            {
                _rooms[room.Name] = room;
                if (hosted)
                    return _roomBinds.TryGetValue(room.Name, out var pending) ? pending.Task : Task.CompletedTask;
                var bound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _roomBinds[room.Name] = bound;
                Enqueue(new RoutedEnvelope { Operation = RoutedOperation.Bind, Key = RoutingKeys.Room(room.Name), Bound = bound });
                return bound.Task;
            }

            if (hosted && known == room)
            {
                _rooms.TryRemove(room.Name, out _);
                // Nobody here waits for a room that emptied.
                if (_roomBinds.Remove(room.Name, out var pending))
                    pending.TrySetResult();
                Enqueue(new RoutedEnvelope { Operation = RoutedOperation.Unbind, Key = RoutingKeys.Room(room.Name) });
            }

            return Task.CompletedTask;
        }
    }

    // True when the key is new (bind it). Under _bindLock.
    private static bool Add<TKey>(ConcurrentDictionary<TKey, ChatSession[]> index, TKey key, ChatSession session)
        where TKey : notnull
    {
        if (index.TryGetValue(key, out var sessions))
        {
            index[key] = [.. sessions, session];
            return false;
        }

        index[key] = [session];
        return true;
    }

    // True when the key emptied (unbind it). Under _bindLock.
    private static bool Remove<TKey>(ConcurrentDictionary<TKey, ChatSession[]> index, TKey key, ChatSession session)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var sessions))
            return false;
        var left = Array.FindAll(sessions, s => s != session);
        if (left.Length > 0)
        {
            index[key] = left;
            return false;
        }

        index.TryRemove(key, out _);
        return true;
    }

    private sealed record HostedSession(ChatSession Session, string Nick, long? AccountId);
}

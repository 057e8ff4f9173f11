using Parley.Core.Cluster;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Cluster.RabbitMq;

/// <summary>
/// The replica of the other nodes (docs/architecture.md, "Room state and listings across nodes"):
/// this node announces its users (<see cref="ReplicaKind.User"/>, <see cref="ReplicaKind.Gone"/>)
/// and sends room membership and settings events to every node (<c>all</c>), so each node's
/// <see cref="ChatHub.Directory"/> and rooms' <see cref="Room.RemoteMembers"/> follow the others'.
/// A node that (re)joins asks for every node's state, and a node that stops says so.
/// </summary>
public sealed partial class RabbitMqEventRouter
{
    private ChatHub? _hub;

    /// <summary>The key only this node binds: answers to its requests for the others' state.</summary>
    private string NodeKey => "node." + RoutingKeys.Escape(_options.NodeName.ToUpperInvariant());

    /// <summary>
    /// Gives the router the node's hub, whose directory and rooms it keeps as the replica of the
    /// other nodes. Call once, before <see cref="StartAsync"/>; without it the router routes events
    /// only (no NAMES, WHO or WHOIS across nodes).
    /// </summary>
    /// <param name="hub">This node's hub (the one publishing through this router).</param>
    public void Attach(ChatHub hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        _hub = hub;
    }

    // Membership and settings events go to every node (all), not just the room's: a node without
    // members of the room still lists it, counts it for +l and checks its bans and key. One channel
    // keeps them in order with the room's messages in every queue.
    private static bool IsRoomState(ChatEvent chatEvent) => chatEvent is RoomMemberJoinedEvent or RoomMemberLeftEvent
        or RoomRoleChangedEvent or RoomTopicChangedEvent or RoomModeChangedEvent or RoomBanChangedEvent;

    private static bool ChangesSettings(ChatEvent chatEvent) => chatEvent is RoomTopicChangedEvent or RoomModeChangedEvent or RoomBanChangedEvent;

    // The envelope of a room event, addressed for the replicas when it changes membership or settings.
    private static RoutedEnvelope ForReplicas(in RoutedEnvelope envelope, in Audience audience, ChatEvent chatEvent)
    {
        if (audience.Kind != AudienceKind.RoomMembers || !IsRoomState(chatEvent))
            return envelope;
        return envelope with
        {
            Key = RoutingKeys.All,
            Replica = ChangesSettings(chatEvent) ? new ReplicaPayload { Kind = ReplicaKind.Settings, Settings = RoomHub.SettingsOf(audience.Room!) } : null,
        };
    }

    // Under _bindLock (SetOnline), so a user's records keep the order of its nick's bindings.
    private void AnnounceUser(ChatSession session, string? goneNick)
    {
        if (_hub is null)
            return;
        if (goneNick is not null)
            Enqueue(new RoutedEnvelope { Operation = RoutedOperation.Replica, Key = RoutingKeys.All, Replica = new ReplicaPayload { Kind = ReplicaKind.Gone, Nick = goneNick } });
        if (!session.HasLeft && session.Nick is { } nick && RecordOf(session, nick) is { } user)
            Enqueue(new RoutedEnvelope { Operation = RoutedOperation.Replica, Key = RoutingKeys.All, Replica = new ReplicaPayload { Kind = ReplicaKind.User, User = user } });
    }

    private RemoteUser RecordOf(ChatSession session, string nick) => new(nick, session.UserName, session.Host, session.RealName)
    {
        Account = session.AccountName,
        Away = session.AwayMessage,
        IsBot = session.IsBot,
        IsOperator = _hub?.Operators.IsOperator(session) ?? false,
        IsSecure = session.Security.IsTls,
    };

    // Everything this node hosts, for a node that asked: its nicks (one session each) and its rooms.
    // Read and queued under the binding lock, which user records and membership announcements take
    // too: every change is either in the snapshot or after it in the stream.
    private void SendNodeState(string key)
    {
        lock (_bindLock)
        {
            RemoteUser[] users = [.. _byNick.Values.Where(sessions => sessions.Length > 0 && sessions[0].Nick is not null).Select(sessions => RecordOf(sessions[0], sessions[0].Nick!))];
            var state = new ReplicaPayload { Kind = ReplicaKind.NodeState, Users = users, Rooms = [.. _hub?.Rooms.LocalStates() ?? []] };
            Enqueue(new RoutedEnvelope { Operation = RoutedOperation.Replica, Key = key, Replica = state });
        }
    }

    // Asks every node for its state (a start, or the broker back) and tells them this node's.
    private void RequestStates()
    {
        if (_hub is null)
            return;
        Enqueue(new RoutedEnvelope { Operation = RoutedOperation.Replica, Key = RoutingKeys.All, Target = NodeKey, Replica = new ReplicaPayload { Kind = ReplicaKind.SyncRequest } });
        SendNodeState(RoutingKeys.All);
    }

    private void AnnounceLeaving()
    {
        if (_hub is not null)
            Enqueue(new RoutedEnvelope { Operation = RoutedOperation.Replica, Key = RoutingKeys.All, Replica = new ReplicaPayload { Kind = ReplicaKind.NodeLeft } });
    }

    // On the consumer: another node's replica data.
    private void ApplyReplica(string from, in RoutedEnvelope envelope)
    {
        if (_hub is not { } hub || envelope.Replica is not { } replica)
            return;
        if (replica.Kind != ReplicaKind.NodeLeft)
            Heard(from);
        switch (replica.Kind)
        {
            case ReplicaKind.User when replica.User is { } user:
                hub.Directory.Set(user with { Node = from });
                break;
            case ReplicaKind.Gone when replica.Nick is { } nick:
                hub.Directory.Remove(from, nick);
                break;
            case ReplicaKind.SyncRequest:
                hub.Directory.NoteNode(from);
                // Answered to the asker alone (its own key), behind everything this node sent before.
                if (envelope.Target is { Length: > 0 } asker)
                    SendNodeState(asker);
                break;
            case ReplicaKind.NodeState:
                hub.Directory.Replace(from, replica.Users ?? []);
                hub.Rooms.ApplyRemoteNode(from, replica.Rooms ?? []);
                break;
            case ReplicaKind.NodeLeft:
                Forget(from);
                break;
        }
    }

    // On the consumer, after this node's members got the event: what the replica takes from it.
    private void ApplyEvent(string from, in RoutedEnvelope envelope, ChatEvent chatEvent)
    {
        if (_hub is not { } hub)
            return;
        switch (chatEvent)
        {
            case RoomMemberJoinedEvent joined:
                hub.Rooms.ApplyRemoteJoin(from, joined.Room, joined.Nick, joined.Role);
                break;
            case RoomMemberLeftEvent left:
                // A kick of this node's sessions changes its own members: rebind or unbind the room.
                if (hub.Rooms.ApplyRemoteLeave(from, left) is { } changed)
                    NoteRoom(changed);
                break;
            case RoomRoleChangedEvent role:
                hub.Rooms.ApplyRemoteRole(role);
                break;
            case RoomEvent room when envelope.Replica is { Kind: ReplicaKind.Settings, Settings: { } settings }:
                hub.Rooms.ApplyRemoteSettings(room.Room, settings);
                break;
            case NickChangedEvent renamed:
                hub.Rooms.ApplyRemoteRename(from, renamed.OldNick, renamed.NewNick);
                break;
            case AwayChangedEvent away:
                hub.Directory.Update(from, away.Nick, user => user with { Away = away.Message });
                break;
            case RealNameChangedEvent realName:
                hub.Directory.Update(from, realName.Nick, user => user with { RealName = realName.RealName });
                break;
            case HostChangedEvent host:
                hub.Directory.Update(from, host.Nick, user => user with { UserName = host.UserName, Host = host.Host });
                break;
            case AccountChangedEvent account:
                hub.Directory.Update(from, account.Nick, user => user with { Account = account.Account });
                break;
        }
    }
}

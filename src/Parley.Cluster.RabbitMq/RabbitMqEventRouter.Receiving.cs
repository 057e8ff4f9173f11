using Parley.Core.Events;
using Parley.Core.Rooms;
using Parley.Core.Routing;
using Parley.Core.Sessions;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Parley.Cluster.RabbitMq;

public sealed partial class RabbitMqEventRouter
{
    private long _received;
    private long _receivedForReplica;
    private long _ownSkipped;
    private long _remoteDeliveries;
    private readonly long[] _receivedByKind = new long[(int)AudienceKind.EveryNick + 1];
    // A test's waiter for the next envelope handled; null unless one waits (one read per envelope).
    private TaskCompletionSource? _handled;

    /// <summary>Events received from other nodes, but those for the replica (<see cref="ReceivedForReplica"/>).</summary>
    public long Received => Volatile.Read(ref _received);

    /// <summary>
    /// What other nodes sent every node for this node's replica: user records, node states, and the
    /// room membership and settings events (joins, parts, kicks, roles, topics, modes, lists), which
    /// go to every node, with members of the room or not.
    /// </summary>
    public long ReceivedForReplica => Volatile.Read(ref _receivedForReplica);

    /// <summary>Events received from other nodes for one kind of audience (publishes and closes; not those counted in <see cref="ReceivedForReplica"/>).</summary>
    public long ReceivedOf(AudienceKind kind) => (uint)kind < (uint)_receivedByKind.Length ? Volatile.Read(ref _receivedByKind[(int)kind]) : 0;

    /// <summary>This node's own publications that came back through a shared binding and were skipped.</summary>
    public long OwnSkipped => Volatile.Read(ref _ownSkipped);

    /// <summary>Deliveries to this node's sessions of events from other nodes.</summary>
    public long RemoteDeliveries => Volatile.Read(ref _remoteDeliveries);

    /// <summary>
    /// Completes once this node has handled one more envelope from the broker (delivered it, applied
    /// it to the replica, or skipped its own): tests await it, then check what they wait for, instead
    /// of polling the counters.
    /// </summary>
    internal Task WhenHandledAsync()
    {
        if (Volatile.Read(ref _handled) is { } waiting)
            return waiting.Task;
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (Interlocked.CompareExchange(ref _handled, fresh, null) ?? fresh).Task;
    }

    private async Task StartConsumingAsync(IChannel channel, CancellationToken cancellationToken)
    {
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += OnReceivedAsync;
        await channel.BasicConsumeAsync(_options.QueueName, autoAck: false, consumer, cancellationToken).ConfigureAwait(false);
    }

    // One consumer: events from one node reach each session in the order that node sent them.
    // Acknowledged after local delivery; a message that cannot be read is dropped (acknowledged) and logged.
    private async Task OnReceivedAsync(object sender, BasicDeliverEventArgs delivery)
    {
        var from = delivery.BasicProperties.AppId;
        if (string.Equals(from, _options.NodeName, StringComparison.Ordinal))
            Interlocked.Increment(ref _ownSkipped);
        else
        {
            try
            {
                Deliver(EnvelopeCodec.Decode(delivery.Body.Span), from ?? "");
            }
            catch (FormatException e)
            {
                RabbitMqLog.BadEnvelope(_logger, from, e.Message);
            }
#pragma warning disable CA1031 // A sink's failure must not stop the node's consumer.
            catch (Exception e)
#pragma warning restore CA1031
            {
                RabbitMqLog.DeliveryFailed(_logger, from, e);
            }
        }

        if (Volatile.Read(ref _handled) is not null)
            Interlocked.Exchange(ref _handled, null)?.TrySetResult();
        await ((AsyncEventingBasicConsumer)sender).Channel.BasicAckAsync(delivery.DeliveryTag, multiple: false).ConfigureAwait(false);
    }

    // The audience resolved against this node's tables, as the in-process router resolves it.
    private void Deliver(RoutedEnvelope envelope, string from)
    {
        if (envelope.Operation == RoutedOperation.Replica || (envelope.Event is { } stateEvent && IsRoomState(stateEvent)))
            Interlocked.Increment(ref _receivedForReplica);
        else
        {
            Interlocked.Increment(ref _received);
            if ((uint)envelope.Kind < (uint)_receivedByKind.Length)
                Interlocked.Increment(ref _receivedByKind[(int)envelope.Kind]);
        }

        if (envelope.Operation == RoutedOperation.Replica)
        {
            ApplyReplica(from, in envelope);
            return;
        }

        if (envelope.Operation == RoutedOperation.Close)
        {
            foreach (var session in SessionsOf(in envelope))
                session.Sink.Close(envelope.Reason ?? "");

            return;
        }

        if (envelope.Operation != RoutedOperation.Publish || envelope.Event is not { } chatEvent)
            return;
        // The replica first, so a member told of a join, a topic or a role sees it in NAMES at once;
        // a leave after, so a kicked session here still gets its KICK.
        if (chatEvent is not RoomMemberLeftEvent)
            ApplyEvent(from, in envelope, chatEvent);
        var count = envelope.Kind switch
        {
            AudienceKind.Nick or AudienceKind.Account => ToEach(SessionsOf(in envelope), chatEvent),
            AudienceKind.RoomMembers => ToMembers(in envelope, chatEvent),
            AudienceKind.RoomPeers => ToPeers(in envelope, chatEvent),
            AudienceKind.RoomPresence => ToRoomPresence(in envelope, chatEvent),
            AudienceKind.Everyone => ToOnline(envelope.ExceptNick, chatEvent, session => session.Sink.SeesAllPresence),
            AudienceKind.EveryNick => ToOnline(envelope.ExceptNick, chatEvent, static _ => true),
            AudienceKind.Watchers => ToWatchers(envelope.ExceptNick, chatEvent),
            _ => 0,
        };
        Interlocked.Add(ref _remoteDeliveries, count);
        if (chatEvent is RoomMemberLeftEvent)
            ApplyEvent(from, in envelope, chatEvent);
    }

    private ChatSession[] SessionsOf(in RoutedEnvelope envelope) => envelope.Kind switch
    {
        AudienceKind.Nick when envelope.Target is { } nick && _byNick.TryGetValue(nick, out var sessions) => sessions,
        AudienceKind.Account when _byAccount.TryGetValue(envelope.AccountId, out var sessions) => sessions,
        _ => [],
    };

    // The session an audience leaves out is always the publishing node's own (a live object
    // there), so a receiving node leaves out none by id: ids may repeat across nodes until node
    // numbers are leased.
    private static int ToEach(ChatSession[] sessions, ChatEvent chatEvent)
    {
        foreach (var session in sessions)
            session.Sink.Deliver(chatEvent);
        return sessions.Length;
    }

    private static bool IsNick(ChatSession session, string? nick) => nick is not null && StringComparer.OrdinalIgnoreCase.Equals(session.Nick, nick);

    private int ToMembers(in RoutedEnvelope envelope, ChatEvent chatEvent)
    {
        if (envelope.Target is not { } name || !_rooms.TryGetValue(name, out var room))
            return 0;
        var count = 0;
        foreach (var member in room.Members)
        {
            var session = member.Session;
            if (IsNick(session, envelope.ExceptNick))
            {
                // The sender's account's devices on this node get the echo, not the message.
                if (envelope.Echo is { } echo)
                    session.Sink.Deliver(echo);
                continue;
            }

            if (envelope.MinimumRole != MemberRole.None && !MemberRoles.Holds(member.Role, envelope.MinimumRole))
                continue;
            session.Sink.Deliver(chatEvent);
            count++;
        }

        return count;
    }

    // The subject's local room peers once each, then the watchers that are no such peer, as watchers.
    private int ToPeers(in RoutedEnvelope envelope, ChatEvent chatEvent)
    {
        var seen = new HashSet<ChatSession>();
        var count = 0;
        foreach (var name in envelope.Rooms ?? [])
        {
            if (!_rooms.TryGetValue(name, out var room))
                continue;
            foreach (var member in room.Members)
            {
                if (IsNick(member.Session, envelope.ExceptNick) || !seen.Add(member.Session))
                    continue;
                member.Session.Sink.Deliver(chatEvent);
                count++;
            }
        }

        foreach (var (_, watcher) in _watchers)
        {
            if (!IsNick(watcher, envelope.ExceptNick) && !seen.Contains(watcher))
                watcher.Sink.DeliverWatched(chatEvent);
        }

        return count;
    }

    // Members who see presence through rooms only, once each; watchers are told by the Watchers audience.
    private int ToRoomPresence(in RoutedEnvelope envelope, ChatEvent chatEvent)
    {
        var seen = new HashSet<ChatSession>();
        var count = 0;
        foreach (var name in envelope.Rooms ?? [])
        {
            if (!_rooms.TryGetValue(name, out var room))
                continue;
            foreach (var member in room.Members)
            {
                var session = member.Session;
                if (session.Sink.SeesAllPresence || IsNick(session, envelope.ExceptNick) || _watchers.ContainsKey(session.Id) || !seen.Add(session))
                    continue;
                session.Sink.Deliver(chatEvent);
                count++;
            }
        }

        return count;
    }

    private int ToOnline(string? exceptNick, ChatEvent chatEvent, Func<ChatSession, bool> wanted)
    {
        var count = 0;
        foreach (var (_, hosted) in _online)
        {
            if (IsNick(hosted.Session, exceptNick) || !wanted(hosted.Session))
                continue;
            hosted.Session.Sink.Deliver(chatEvent);
            count++;
        }

        return count;
    }

    private int ToWatchers(string? exceptNick, ChatEvent chatEvent)
    {
        var count = 0;
        foreach (var (_, watcher) in _watchers)
        {
            if (IsNick(watcher, exceptNick) || watcher.Sink.SeesAllPresence)
                continue;
            watcher.Sink.Deliver(chatEvent);
            count++;
        }

        return count;
    }
}

using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Core.Events;
using Parley.Core.Routing;
using Parley.Core.Sessions;
using RabbitMQ.Client;

namespace Parley.Cluster.RabbitMq;

/// <summary>
/// The routing port across nodes on RabbitMQ (issue 15, docs/cluster.md "RabbitMQ"): every
/// publish is handed to this node's sessions at once by the in-process router, then sent once to
/// a topic exchange for the other nodes, each of which binds only the nicks, accounts and rooms it
/// hosts (and <c>all</c>) and delivers from its own tables, encoding once per protocol there.
/// </summary>
/// <remarks>
/// <para>Thread-safe. A publish never waits for the broker: the event joins one ordered outgoing
/// stream (bounded by <see cref="RabbitMqRouterOptions.MaxOutgoing"/>; over it, dropped and
/// reported) that one loop sends on one channel with publisher confirms, so RabbitMQ keeps each
/// sender's order and each room's message order into every queue. Unconfirmed events are sent again
/// after a connection recovery (at least once). Each node consumes its queue with one consumer and
/// acknowledges after local delivery.</para>
/// <para>The counts the <see cref="IEventRouter"/> methods return are this node's deliveries only.</para>
/// </remarks>
public sealed partial class RabbitMqEventRouter : IEventRouter, IAsyncDisposable
{
    private readonly RabbitMqRouterOptions _options;
    private readonly ILogger _logger;
    private readonly InProcessEventRouter _local = new();
    private readonly Channel<RoutedEnvelope> _outgoing = Channel.CreateUnbounded<RoutedEnvelope>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Meter _meter;
    private readonly BasicProperties _properties;
    private IConnection? _connection;
    private IChannel? _publishChannel;
    private IChannel? _consumeChannel;
    private Task _publishLoop = Task.CompletedTask;
    private int _queued;
    private int _disposed;

    /// <summary>A router for one node; <see cref="StartAsync"/> connects it.</summary>
    /// <param name="options">Validated settings.</param>
    /// <param name="logger">Where connection changes, drops and refusals are told; null for none.</param>
    /// <param name="time">The clock of the replica's heartbeats and their expiry; null for the system's.</param>
    /// <exception cref="ArgumentException">An option is invalid (<see cref="RabbitMqRouterOptions.Validate"/>).</exception>
    public RabbitMqEventRouter(RabbitMqRouterOptions options, ILogger? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        // The node's name rides as the AMQP app-id, so a node knows (and skips) its own publications.
        // Persistent into durable queues: the broker confirms an event once it is on its disk (or
        // consumed), so a confirmed event outlives a broker restart.
        _properties = new BasicProperties { AppId = options.NodeName, DeliveryMode = options.Persistent ? DeliveryModes.Persistent : DeliveryModes.Transient };
        _meter = new Meter("Parley.Cluster");
        _meter.CreateObservableCounter("parley.cluster.published", () => Volatile.Read(ref _published), "{event}", "Events sent to the broker for other nodes.");
        _meter.CreateObservableCounter("parley.cluster.confirmed", () => Volatile.Read(ref _confirmed), "{event}", "Events the broker confirmed.");
        _meter.CreateObservableCounter("parley.cluster.dropped", () => Volatile.Read(ref _dropped), "{event}", "Events for other nodes dropped: the outgoing buffer was full (log event 483).");
        _meter.CreateObservableCounter("parley.cluster.nacked", () => Volatile.Read(ref _nacked), "{event}", "Events the broker refused (log event 484).");
        _meter.CreateObservableCounter("parley.cluster.received", () => Volatile.Read(ref _received), "{event}", "Events received from other nodes.");
        _meter.CreateObservableCounter("parley.cluster.replica_received", () => Volatile.Read(ref _receivedForReplica), "{event}", "User records, node states and room membership and settings events received for this node's replica of the others.");
        _meter.CreateObservableGauge("parley.cluster.outgoing", () => Volatile.Read(ref _queued), "{event}", "Events waiting for the broker.");
    }

    /// <summary>This node's name.</summary>
    public string NodeName => _options.NodeName;

    /// <summary>
    /// Connects to the broker, declares the exchange and this node's queue (deleting a previous
    /// queue of the same node name: its sessions are gone), binds <c>all</c> and what is hosted
    /// already, and starts consuming and sending. Automatic recovery (with topology recovery) is on.
    /// </summary>
    /// <exception cref="RabbitMQ.Client.Exceptions.BrokerUnreachableException">The broker cannot be reached.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(_options.Uri!),
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
            ClientProvidedName = "parley-" + _options.NodeName,
        };
        _connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
        _connection.ConnectionShutdownAsync += OnConnectionShutdownAsync;
        _connection.RecoverySucceededAsync += OnRecoverySucceededAsync;
        _publishChannel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: false), cancellationToken).ConfigureAwait(false);
        _publishChannel.BasicAcksAsync += OnAckAsync;
        _publishChannel.BasicNacksAsync += OnNackAsync;
        await _publishChannel.ExchangeDeclareAsync(_options.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        await _publishChannel.QueueDeleteAsync(_options.QueueName, ifUnused: false, ifEmpty: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        // Durable, so a broker restart keeps the queue and its bindings; x-expires removes the
        // queue of a node that is gone for good.
        await _publishChannel.QueueDeclareAsync(
            _options.QueueName, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-expires"] = (int)_options.QueueExpiry.TotalMilliseconds },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await _publishChannel.QueueBindAsync(_options.QueueName, _options.Exchange, RoutingKeys.All, cancellationToken: cancellationToken).ConfigureAwait(false);
        await _publishChannel.QueueBindAsync(_options.QueueName, _options.Exchange, NodeKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        _consumeChannel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await _consumeChannel.BasicQosAsync(0, (ushort)_options.Prefetch, global: false, cancellationToken).ConfigureAwait(false);
        await StartConsumingAsync(_consumeChannel, cancellationToken).ConfigureAwait(false);
        _publishLoop = Task.Run(() => PublishLoopAsync(_stopping.Token), CancellationToken.None);
        // The other nodes' users and room members, for this node's replica, and this node's pulse.
        RequestStates();
        StartHeartbeat();
        RabbitMqLog.Connected(_logger, _options.NodeName, $"{_connection.Endpoint.HostName}:{_connection.Endpoint.Port}", _options.Exchange, _options.QueueName);
    }

    /// <inheritdoc />
    public int Publish(in Audience audience, ChatEvent chatEvent)
    {
        var count = _local.Publish(in audience, chatEvent);
        Forward(in audience, chatEvent, echo: null);
        return count;
    }

    /// <inheritdoc />
    public int Publish(in Audience audience, ChatEvent chatEvent, ChatEvent echo)
    {
        var count = _local.Publish(in audience, chatEvent, echo);
        Forward(in audience, chatEvent, audience.Kind == AudienceKind.RoomMembers ? echo : null);
        return count;
    }

    /// <inheritdoc />
    public void Announce(in Audience audience, ChatEvent chatEvent)
    {
        _local.Announce(in audience, chatEvent);
        // Under the binding lock with the node-state snapshots (NodeState), so an answer to a
        // joining node is either before this change in the stream or shows it.
        lock (_bindLock)
        {
            NoteMembership(in audience);
            Forward(in audience, chatEvent, echo: null);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Completes on this node's delivery and, when the room's key is not bound on the broker yet (the
    /// room's first member on this node), once the broker confirmed that binding: a joiner is shown its
    /// JOIN only when every later message from another node reaches this node (at most
    /// <see cref="RabbitMqRouterOptions.BindWait"/>, 5 s, while the broker is down: then log event 499).
    /// The other nodes receive the JOIN in order behind this sender's earlier events (one ordered
    /// stream), so the joiner's later messages follow it there too.
    /// </remarks>
    public ValueTask AnnounceAsync(in Audience audience, ChatEvent chatEvent)
    {
        var delivered = _local.AnnounceAsync(in audience, chatEvent);
        Task bound;
        // Under the binding lock with the node-state snapshots (NodeState), as Announce.
        lock (_bindLock)
        {
            bound = NoteMembership(in audience);
            Forward(in audience, chatEvent, echo: null);
        }

        return bound.IsCompleted ? delivered : WhenBoundAsync(delivered, bound, audience.Room!.Name);
    }

    private async ValueTask WhenBoundAsync(ValueTask delivered, Task bound, string room)
    {
        await delivered.ConfigureAwait(false);
        try
        {
            await bound.WaitAsync(_options.BindWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            RabbitMqLog.JoinUnbound(_logger, room, _options.BindWait.TotalMilliseconds);
        }
    }

    /// <inheritdoc />
    public int Close(in Audience audience, string reason)
    {
        var count = _local.Close(in audience, reason);
        if (audience.Kind is AudienceKind.Nick or AudienceKind.Account && Describe(in audience) is { } envelope)
            Enqueue(envelope with { Operation = RoutedOperation.Close, Reason = reason });
        return count;
    }

    /// <summary>
    /// Sends what is queued, waits for the broker's confirms and closes the connection, deleting
    /// this node's queue (the other nodes stop routing to it). Bounded: at most 5 s of draining.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        // Twice in a host: its service stops it, then the container disposes the singleton.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        AnnounceLeaving();
        StopHeartbeat();
        _outgoing.Writer.TryComplete();
        await WhenConfirmedAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _publishLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        try
        {
            if (_publishChannel is { IsOpen: true })
                await _publishChannel.QueueDeleteAsync(_options.QueueName, ifUnused: false, ifEmpty: false).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.RabbitMQClientException or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
        {
            // The queue expires by itself (x-expires).
        }

        if (_consumeChannel is not null)
            await _consumeChannel.DisposeAsync().ConfigureAwait(false);
        if (_publishChannel is not null)
            await _publishChannel.DisposeAsync().ConfigureAwait(false);
        if (_connection is not null)
        {
            await _connection.CloseAsync().ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        _meter.Dispose();
        _codec.Dispose();
        _stopping.Dispose();
    }

    // The audience as names and ids for the other nodes, or null when it is this node's alone.
    private static RoutedEnvelope? Describe(in Audience audience)
    {
        var except = audience.Except?.Id ?? 0;
        switch (audience.Kind)
        {
            case AudienceKind.Nick:
                return new RoutedEnvelope { Kind = AudienceKind.Nick, Key = RoutingKeys.Nick(audience.Nick!), Target = audience.Nick, ExceptSession = except };
            case AudienceKind.Account:
                // The name's holder knows the account; else the session left out is one of its own.
                var account = audience.AccountId ?? audience.Except?.AccountId;
                return account is { } id ? new RoutedEnvelope { Kind = AudienceKind.Account, Key = RoutingKeys.Account(id), AccountId = id, ExceptSession = except } : null;
            case AudienceKind.RoomMembers:
                return new RoutedEnvelope
                {
                    Kind = AudienceKind.RoomMembers, Key = RoutingKeys.Room(audience.Room!.Name), Target = audience.Room.Name,
                    ExceptSession = except, ExceptNick = audience.Nick, MinimumRole = audience.MinimumRole,
                };
            case AudienceKind.RoomPeers:
                var session = audience.Session!;
                return new RoutedEnvelope
                {
                    Kind = AudienceKind.RoomPeers, Key = RoutingKeys.All, ExceptSession = session.Id, ExceptNick = session.Nick,
                    Rooms = session.RoomCount == 0 ? null : [.. session.Rooms.Select(room => room.Name)],
                };
            case AudienceKind.RoomPresence:
                return new RoutedEnvelope { Kind = AudienceKind.RoomPresence, Key = RoutingKeys.All, ExceptNick = audience.Nick, Rooms = [.. audience.Rooms!.Select(room => room.Name)] };
            case AudienceKind.Everyone or AudienceKind.Watchers or AudienceKind.EveryNick:
                return new RoutedEnvelope { Kind = audience.Kind, Key = RoutingKeys.All, ExceptNick = audience.Nick };
            default:
                // A session is this node's own object: nothing to route.
                return null;
        }
    }

    private void Forward(in Audience audience, ChatEvent chatEvent, ChatEvent? echo)
    {
        if (Describe(in audience) is { } envelope)
            Enqueue(ForReplicas(envelope with { Operation = RoutedOperation.Publish, Event = chatEvent, Echo = echo }, in audience, chatEvent));
    }

    // Never blocks: over the bound the event is dropped and reported; bindings always pass.
    private void Enqueue(in RoutedEnvelope envelope)
    {
        if (envelope.Operation is RoutedOperation.Publish or RoutedOperation.Close or RoutedOperation.Replica)
        {
            if (Interlocked.Increment(ref _queued) > _options.MaxOutgoing)
            {
                Interlocked.Decrement(ref _queued);
                var dropped = Interlocked.Increment(ref _dropped);
                // The first drop of a run, then every 1,000th: a full buffer is told, not flooded.
                if (dropped == 1 || dropped % 1000 == 0)
                    RabbitMqLog.Dropped(_logger, dropped, _options.MaxOutgoing);
                return;
            }
        }

        if (!_outgoing.Writer.TryWrite(envelope) && envelope.Operation is RoutedOperation.Publish or RoutedOperation.Close or RoutedOperation.Replica)
            Interlocked.Decrement(ref _queued);
    }
}

using Microsoft.Extensions.Logging;

namespace Parley.Cluster.RabbitMq;

/// <summary>Log messages of the RabbitMQ router. Event ids are stable: 480-499 (docs/operations.md, "Log event ids").</summary>
internal static partial class RabbitMqLog
{
    [LoggerMessage(480, LogLevel.Information, "Cluster node {Node} routes through RabbitMQ {Broker}: exchange {Exchange}, queue {Queue}")]
    public static partial void Connected(ILogger logger, string node, string broker, string exchange, string queue);

    [LoggerMessage(481, LogLevel.Warning, "Lost the RabbitMQ connection ({Reason}); events are held (at most {Max}) until it recovers")]
    public static partial void ConnectionLost(ILogger logger, string reason, int max);

    [LoggerMessage(482, LogLevel.Information, "The RabbitMQ connection recovered; {Unconfirmed} unconfirmed events are published again")]
    public static partial void Recovered(ILogger logger, int unconfirmed);

    [LoggerMessage(483, LogLevel.Error, "{Dropped} events for other nodes were dropped in all: the outgoing buffer ({Max}) is full while the broker is unreachable or slow")]
    public static partial void Dropped(ILogger logger, long dropped, int max);

    [LoggerMessage(484, LogLevel.Error, "The broker refused (nack) {Count} events for other nodes in all")]
    public static partial void Nacked(ILogger logger, long count);

    [LoggerMessage(485, LogLevel.Warning, "An event from node {Node} was not understood and is dropped: {Error}")]
    public static partial void BadEnvelope(ILogger logger, string? node, string error);

    [LoggerMessage(486, LogLevel.Error, "Delivering an event from node {Node} failed")]
    public static partial void DeliveryFailed(ILogger logger, string? node, Exception exception);

    [LoggerMessage(488, LogLevel.Error, "An event ({Kind}) could not be written for other nodes and is dropped")]
    public static partial void NotEncoded(ILogger logger, string? kind, Exception exception);

    [LoggerMessage(499, LogLevel.Warning, "A join to {Room} went ahead after {WaitMs} ms without the broker's binding of the room: messages from other nodes may miss it until the binding is in")]
    public static partial void JoinUnbound(ILogger logger, string room, double waitMs);

    [LoggerMessage(487, LogLevel.Warning, "Sending to RabbitMQ failed; retrying after recovery")]
    public static partial void SendFailed(ILogger logger, Exception exception);
}

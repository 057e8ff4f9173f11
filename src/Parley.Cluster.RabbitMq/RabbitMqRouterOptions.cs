namespace Parley.Cluster.RabbitMq;

/// <summary>
/// Settings of the RabbitMQ router (<c>Parley:Cluster</c> and <c>Parley:Cluster:RabbitMq</c>;
/// docs/cluster.md, "RabbitMQ"). Immutable; <see cref="Validate"/> before use.
/// </summary>
public sealed record RabbitMqRouterOptions
{
    /// <summary>The configuration key of <see cref="Uri"/>.</summary>
    public const string UriKey = "Parley:Cluster:RabbitMq:Uri";

    /// <summary>The configuration key of <see cref="NodeName"/>.</summary>
    public const string NodeNameKey = "Parley:Cluster:NodeName";

    /// <summary>The broker, as an AMQP 0-9-1 URI: <c>amqp://user:pass@host:5672/vhost</c> (<c>amqps://</c> for TLS). Required.</summary>
    public string? Uri { get; init; }

    /// <summary>This node's name, unique in the cluster: its queue is <c>parley.node.&lt;name&gt;</c>. Letters, digits, <c>-</c>, <c>_</c>; 1-64 characters.</summary>
    public string NodeName { get; init; } = "";

    /// <summary>The topic exchange every node publishes to (declared durable). Default <c>parley.events</c>.</summary>
    public string Exchange { get; init; } = "parley.events";

    /// <summary>
    /// Events held for the broker while it is unreachable or slow, at most (default 100,000). An
    /// event over the bound is dropped and reported (log event 483, the
    /// <c>parley_cluster_dropped_total</c> metric), never lost silently.
    /// </summary>
    public int MaxOutgoing { get; init; } = 100_000;

    /// <summary>
    /// How long the broker keeps a node's queue once no node consumes it (RabbitMQ's <c>x-expires</c>):
    /// a node that died leaves no queue behind. Default 60 s; 1 s to 1 day.
    /// </summary>
    public TimeSpan QueueExpiry { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Unacknowledged deliveries the broker sends the node ahead (<c>basic.qos</c> prefetch). Default 256; 1-65535.</summary>
    public int Prefetch { get; init; } = 256;

    /// <summary>
    /// Whether events are published persistent (AMQP delivery mode 2), so a confirmed event waiting in a
    /// node's durable queue survives a broker restart or crash. Default true; false only for the
    /// benchmark's before/after figure (docs/benchmarks.md), not a setting.
    /// </summary>
    internal bool Persistent { get; init; } = true;

    /// <summary>
    /// How long a join waits, at most, for the broker to confirm the binding of its room's key before
    /// the JOIN is shown anyway (the broker is down or far behind). Default 5 s; not a setting.
    /// </summary>
    internal TimeSpan BindWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><see cref="Uri"/> with its password hidden, for log and error lines.</summary>
    public string RedactedUri => Uri is null ? "" : Redacted(Uri);

    /// <summary>The queue of this node.</summary>
    public string QueueName => "parley.node." + NodeName;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">One line naming the setting and what is allowed.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Uri))
            throw new ArgumentException($"{UriKey} is not set: with Parley:Cluster:Provider=rabbitmq it must be the broker's URI, such as amqp://user:pass@127.0.0.1:5672/");
        if (!System.Uri.TryCreate(Uri, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps") || string.IsNullOrEmpty(uri.Host))
            throw new ArgumentException($"{UriKey} is '{Redacted(Uri)}': it must be an amqp:// or amqps:// URI with a host, such as amqp://user:pass@127.0.0.1:5672/");
        if (NodeName.Length is 0 or > 64 || !NodeName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"{NodeNameKey} is '{NodeName}': it must be 1-64 letters, digits, '-' or '_', unique per node");
        if (string.IsNullOrWhiteSpace(Exchange) || Exchange.Length > 255)
            throw new ArgumentException($"Parley:Cluster:RabbitMq:Exchange is '{Exchange}': it must be an exchange name of 1-255 characters");
        if (MaxOutgoing < 1)
            throw new ArgumentException($"Parley:Cluster:RabbitMq:MaxOutgoing is {MaxOutgoing}: it must be at least 1");
        if (QueueExpiry < TimeSpan.FromSeconds(1) || QueueExpiry > TimeSpan.FromDays(1))
            throw new ArgumentException($"Parley:Cluster:RabbitMq:QueueExpiry is {QueueExpiry}: it must be from 00:00:01 to 1.00:00:00");
        if (Prefetch is < 1 or > ushort.MaxValue)
            throw new ArgumentException($"Parley:Cluster:RabbitMq:Prefetch is {Prefetch}: it must be from 1 to 65535");
    }

    // A URI in an error line never shows its password.
    private static string Redacted(string uri) =>
        System.Text.RegularExpressions.Regex.Replace(uri, "//([^:/@]*):[^@/]*@", "//$1:***@");
}

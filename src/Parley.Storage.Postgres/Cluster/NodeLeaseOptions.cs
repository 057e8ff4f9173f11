namespace Parley.Storage.Postgres.Cluster;

/// <summary>
/// How a node holds its lease in the shared database (keys under <c>Parley:Cluster</c>): its name,
/// how often it renews its heartbeat, and when the others count it dead and free its nicks.
/// </summary>
public sealed record NodeLeaseOptions
{
    /// <summary>The configuration key of <see cref="NodeName"/> (shared with the router's queue name).</summary>
    public const string NodeNameKey = "Parley:Cluster:NodeName";

    /// <summary>The configuration key of <see cref="HeartbeatInterval"/>.</summary>
    public const string HeartbeatIntervalKey = "Parley:Cluster:HeartbeatInterval";

    /// <summary>The configuration key of <see cref="NodeTimeout"/>.</summary>
    public const string NodeTimeoutKey = "Parley:Cluster:NodeTimeout";

    /// <summary>The configuration key of <see cref="DatabaseOutageGrace"/>.</summary>
    public const string DatabaseOutageGraceKey = "Parley:Cluster:DatabaseOutageGrace";

    /// <summary>The longest <see cref="DatabaseOutageGrace"/>: 1 hour.</summary>
    public static readonly TimeSpan MaxDatabaseOutageGrace = TimeSpan.FromHours(1);

    /// <summary>The longest <see cref="NodeTimeout"/>: 30 s, the bound issue 15 sets on seeing a dead node's users quit.</summary>
    public static readonly TimeSpan MaxNodeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The node's name, unique per node: 1-64 ASCII letters, digits, <c>-</c> or <c>_</c>. Its row in <c>nodes</c>.</summary>
    public string NodeName { get; init; } = "";

    /// <summary>How often the node renews its heartbeat and looks for dead nodes. Defaults to 5 s; 100 ms at least.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How old a heartbeat may be before the node counts as dead: its nicks are freed and its users
    /// quit for everyone else. Defaults to 20 s; under 30 s and at least twice
    /// <see cref="HeartbeatInterval"/> (one late heartbeat is not a death). A node that cannot renew
    /// for this long less one interval stops serving, before the others free its nicks.
    /// </summary>
    public TimeSpan NodeTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a node keeps serving while it cannot reach PostgreSQL (a restart, an outage): its
    /// users stay connected and chat through the broker, commands that need the store fail with a
    /// clear error, and no new nick is granted. Past this the node stops serving. Defaults to
    /// 2 min; at least <see cref="OutageAfter"/> (which gives the strict fence of session 7) and at
    /// most 1 hour. Why it is bounded: a node cut off from PostgreSQL alone is counted dead by the
    /// others after <see cref="NodeTimeout"/> and its nicks may be claimed elsewhere meanwhile.
    /// </summary>
    public TimeSpan DatabaseOutageGrace { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long without renewing counts as a database outage: <see cref="NodeTimeout"/> less one
    /// <see cref="HeartbeatInterval"/>, before the others could count this node dead.
    /// </summary>
    public TimeSpan OutageAfter => NodeTimeout - HeartbeatInterval;

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentException">One line naming the key and what is allowed.</exception>
    public void Validate()
    {
        if (NodeName.Length is 0 or > 64 || !NodeName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"{NodeNameKey} is '{NodeName}': it must be 1-64 letters, digits, '-' or '_', unique per node");
        if (HeartbeatInterval < TimeSpan.FromMilliseconds(100))
            throw new ArgumentException($"{HeartbeatIntervalKey} is '{HeartbeatInterval}': it must be at least 00:00:00.1 (default 00:00:05)");
        if (NodeTimeout >= MaxNodeTimeout || NodeTimeout < 2 * HeartbeatInterval)
            throw new ArgumentException($"{NodeTimeoutKey} is '{NodeTimeout}': it must be under 00:00:30 and at least twice {HeartbeatIntervalKey} ({HeartbeatInterval}) (default 00:00:20)");
        if (DatabaseOutageGrace < OutageAfter || DatabaseOutageGrace > MaxDatabaseOutageGrace)
            throw new ArgumentException($"{DatabaseOutageGraceKey} is '{DatabaseOutageGrace}': it must be from {NodeTimeoutKey} less {HeartbeatIntervalKey} ({OutageAfter}) to 01:00:00 (default 00:02:00)");
    }
}

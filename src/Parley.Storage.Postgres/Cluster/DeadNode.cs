namespace Parley.Storage.Postgres.Cluster;

/// <summary>A node whose heartbeat expired, removed by this node, and the nicks that were freed with it.</summary>
/// <param name="Name">The node's name.</param>
/// <param name="Nicks">The nicks it held alone, as shown (an account also on another node keeps its nick).</param>
public sealed record DeadNode(string Name, IReadOnlyList<string> Nicks);

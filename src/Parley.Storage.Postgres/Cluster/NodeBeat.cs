namespace Parley.Storage.Postgres.Cluster;

/// <summary>What one heartbeat found (<see cref="PostgresNodeLease.BeatAsync"/>).</summary>
/// <param name="Renewed">True when the heartbeat was written.</param>
/// <param name="Lost">True when the lease is gone: another node counted this one dead, or a new incarnation took its name.</param>
/// <param name="Dead">The dead nodes this heartbeat removed (empty when none, or when PostgreSQL failed).</param>
public sealed record NodeBeat(bool Renewed, bool Lost, IReadOnlyList<DeadNode> Dead);

namespace Parley.Core.Cluster;

/// <summary>
/// What a node shares with the other nodes of a cluster, given to the hub: each null (the
/// default) is the in-process implementation, which is all one process needs.
/// </summary>
public sealed record ClusterPorts
{
    /// <summary>The in-process default of every port.</summary>
    public static ClusterPorts InProcess { get; } = new();

    /// <summary>Session and room message ids; null for <see cref="InProcessIdAllocator"/> seeded from the room history.</summary>
    public IIdAllocator? Ids { get; init; }

    /// <summary>The nick space; null for <see cref="InProcessNickClaims"/>.</summary>
    public INickClaims? NickClaims { get; init; }

    /// <summary>The account gates of the sign-in/delivery ordering; null for <see cref="InProcessAccountGates"/>.</summary>
    public IAccountGates? AccountGates { get; init; }
}

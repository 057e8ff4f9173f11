namespace Parley.Cluster.Tests;

/// <summary>Every test class that runs nodes: one PostgreSQL and one broker for the run, classes one after another.</summary>
[CollectionDefinition(Name)]
public sealed class UsesCluster : ICollectionFixture<ClusterServices>
{
    public const string Name = "Cluster";
}

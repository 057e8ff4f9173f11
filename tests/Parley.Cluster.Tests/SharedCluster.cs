namespace Parley.Cluster.Tests;

/// <summary>One cluster for every test of the run (starting it takes seconds); its tests run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<ThreeNodeCluster>
{
    public const string Name = "Three Parley nodes";
}

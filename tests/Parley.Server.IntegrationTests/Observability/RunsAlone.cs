namespace Parley.Server.IntegrationTests.Observability;

/// <summary>
/// Test classes that run with no other test alive (xUnit runs this collection after the parallel
/// ones): <see cref="HttpEndpointTests"/>, because each server's meters share their names
/// process-wide, so OpenTelemetry's exporter also observes the gauges of other servers in the test
/// process (a neighbour's parley_connections was read once in CI); and
/// <see cref="PublishedServerTests"/>, whose first, non-incremental <c>dotnet publish</c> (ReadyToRun)
/// holds both cores for about 40 s.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    /// <summary>The collection's name.</summary>
    public const string Name = "runs alone";
}

namespace Parley.Server.IntegrationTests.Observability;

/// <summary>
/// Test classes that run with no other test alive (xUnit runs this collection after the parallel
/// ones): <see cref="HttpEndpointTests"/>, because each server's meters share their names
/// process-wide, so OpenTelemetry's exporter also observes the gauges of other servers in the test
/// process (a neighbour's parley_connections was read once in CI); and
/// <see cref="PublishedServerTests"/>, whose first, non-incremental <c>dotnet publish</c> (ReadyToRun)
/// holds both cores for about 40 s: in a fresh clone it overlapped
/// <c>RehashTests.Sighup_to_a_child_server…</c> twice, and that test's child server logged no
/// reload within 30 s both times (it passes whenever the publish does not overlap; the cause
/// inside the overlap is not found yet).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    /// <summary>The collection's name.</summary>
    public const string Name = "runs alone";
}

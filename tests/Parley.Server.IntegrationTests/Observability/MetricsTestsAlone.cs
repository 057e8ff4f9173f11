namespace Parley.Server.IntegrationTests.Observability;

/// <summary>
/// Tests that read a server's /metrics run with no other test server alive: each server's meters
/// share their names process-wide, so OpenTelemetry's exporter also observes the gauges of other
/// servers in the test process (a neighbour's parley_connections could be the value read).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsTestsAlone
{
    /// <summary>The collection's name.</summary>
    public const string Name = "metrics, alone";
}

using Microsoft.Extensions.Logging;

namespace Parley.Server.Connections;

/// <summary>
/// What every listener's <see cref="ConnectionLimitMiddleware"/> shares: the admission counts, the
/// load-balancer networks, the metrics and the rate-limited refusal log. One per server.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class ConnectionGate
{
    public ConnectionGate(AdmissionOptions options, ConnectionAdmission admission, ConnectionMetrics metrics, TimeProvider time, ILogger<ConnectionGate> logger)
    {
        Options = options;
        Admission = admission;
        Metrics = metrics;
        Time = time;
        Logger = logger;
        ProxyNetworks = new NetworkList(options.ProxyNetworks);
        Refusals = new RefusalReporter(options, admission, time, logger);
        ProxyProblems = new LogGate(options.RefusalLogInterval, time);
    }

    public AdmissionOptions Options { get; }

    public ConnectionAdmission Admission { get; }

    public ConnectionMetrics Metrics { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    /// <summary>The load balancers whose PROXY header is read (<see cref="AdmissionOptions.ProxyNetworks"/>).</summary>
    public NetworkList ProxyNetworks { get; }

    public RefusalReporter Refusals { get; }

    /// <summary>Rate limit of the warning about a load balancer's bad header (it could come with every client).</summary>
    public LogGate ProxyProblems { get; }
}

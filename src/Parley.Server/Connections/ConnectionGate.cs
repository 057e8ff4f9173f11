using Microsoft.Extensions.Logging;

namespace Parley.Server.Connections;

/// <summary>
/// What every listener's <see cref="ConnectionLimitMiddleware"/> shares: the admission counts, the
/// load-balancer networks, the metrics and the rate-limited refusal log. One per server.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class ConnectionGate
{
    private AdmissionOptions _options;
    private NetworkList _proxyNetworks;

    public ConnectionGate(AdmissionOptions options, ConnectionAdmission admission, ConnectionMetrics metrics, TimeProvider time, ILogger<ConnectionGate> logger)
    {
        _options = options;
        Admission = admission;
        Metrics = metrics;
        Time = time;
        Logger = logger;
        _proxyNetworks = new NetworkList(options.ProxyNetworks);
        Refusals = new RefusalReporter(options, admission, time, logger);
        ProxyProblems = new LogGate(options.RefusalLogInterval, time);
    }

    /// <summary>The options in force (<see cref="Reconfigure"/>).</summary>
    public AdmissionOptions Options => Volatile.Read(ref _options);

    public ConnectionAdmission Admission { get; }

    public ConnectionMetrics Metrics { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    /// <summary>The load balancers whose PROXY header is read (<see cref="AdmissionOptions.ProxyNetworks"/>).</summary>
    public NetworkList ProxyNetworks => Volatile.Read(ref _proxyNetworks);

    public RefusalReporter Refusals { get; }

    /// <summary>Rate limit of the warning about a load balancer's bad header (it could come with every client).</summary>
    public LogGate ProxyProblems { get; }

    /// <summary>
    /// Takes new options (a configuration reload) for the connections that come after it: the
    /// per-address caps and exemptions (<see cref="ConnectionAdmission.Reconfigure"/>), the load
    /// balancers and their header timeout. The refusal log interval stays as it started.
    /// </summary>
    /// <param name="options">The new options, already validated.</param>
    public void Reconfigure(AdmissionOptions options)
    {
        Admission.Reconfigure(options);
        Volatile.Write(ref _proxyNetworks, new NetworkList(options.ProxyNetworks));
        Volatile.Write(ref _options, options);
    }
}

using Microsoft.Extensions.Logging;
using Parley.Server.Web;

namespace Parley.Server.Connections;

/// <summary>
/// What every listener's <see cref="ConnectionLimitMiddleware"/> shares: the admission counts (the
/// chat connections', and apart from them the raw HTTP connections'), the load-balancer networks,
/// the metrics and the rate-limited refusal logs. One per server.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class ConnectionGate : IDisposable
{
    private AdmissionOptions _options;
    private NetworkList _proxyNetworks;

    public ConnectionGate(AdmissionOptions options, ConnectionAdmission admission, WebServerOptions web, ConnectionMetrics metrics, TimeProvider time, ILogger<ConnectionGate> logger)
    {
        _options = options;
        Admission = admission;
        Metrics = metrics;
        Time = time;
        Logger = logger;
        _proxyNetworks = new NetworkList(options.ProxyNetworks);
        Refusals = new RefusalReporter(options, admission, time, logger);
        ProxyProblems = new LogGate(options.RefusalLogInterval, time);
        Http = new ConnectionAdmission(ForHttp(options, web), admission.MaxConnections);
        HttpRefusals = new RefusalReporter(options, Http, time, logger);
    }

    /// <summary>The options in force (<see cref="Reconfigure"/>).</summary>
    public AdmissionOptions Options => Volatile.Read(ref _options);

    /// <summary>The chat connections: line and IRC over TCP and TLS, and each WebSocket at its upgrade.</summary>
    public ConnectionAdmission Admission { get; }

    /// <summary>
    /// The raw TCP connections of the HTTP and HTTPS listeners, whatever they carry, under
    /// <see cref="WebServerOptions.MaxConnectionsPerAddress"/> and
    /// <see cref="WebServerOptions.MaxNewConnectionsPerAddress"/> and the same server-wide cap as
    /// <see cref="Admission"/>, counted apart: a WebSocket's own HTTP connection never takes a chat place.
    /// </summary>
    public ConnectionAdmission Http { get; }

    public ConnectionMetrics Metrics { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    /// <summary>The load balancers whose PROXY header is read (<see cref="AdmissionOptions.ProxyNetworks"/>).</summary>
    public NetworkList ProxyNetworks => Volatile.Read(ref _proxyNetworks);

    public RefusalReporter Refusals { get; }

    /// <summary>The refusal log of <see cref="Http"/>.</summary>
    public RefusalReporter HttpRefusals { get; }

    /// <summary>Rate limit of the warning about a load balancer's bad header (it could come with every client).</summary>
    public LogGate ProxyProblems { get; }

    /// <summary>
    /// Takes new options (a configuration reload) for the connections that come after it: the
    /// per-address caps and exemptions (<see cref="ConnectionAdmission.Reconfigure"/>), the load
    /// balancers and their header timeout. The refusal log interval stays as it started.
    /// </summary>
    /// <param name="options">The new options, already validated.</param>
    /// <param name="web">The new per-address caps of the HTTP connections, already validated.</param>
    public void Reconfigure(AdmissionOptions options, WebServerOptions web)
    {
        Admission.Reconfigure(options);
        Http.Reconfigure(ForHttp(options, web));
        Volatile.Write(ref _proxyNetworks, new NetworkList(options.ProxyNetworks));
        Volatile.Write(ref _options, options);
    }

    public void Dispose() => Http.Dispose();

    private static AdmissionOptions ForHttp(AdmissionOptions options, WebServerOptions web) =>
        options.WithPerAddressCaps(web.MaxConnectionsPerAddress, web.MaxNewConnectionsPerAddress);
}

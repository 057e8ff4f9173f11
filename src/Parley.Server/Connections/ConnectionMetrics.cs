using System.Diagnostics.Metrics;

namespace Parley.Server.Connections;

/// <summary>
/// The <c>Parley.Connections</c> meter: refusals by reason, TLS handshake failures, accept errors,
/// and gauges of the open connections against the cap.
/// </summary>
/// <remarks>Thread-safe (System.Diagnostics.Metrics instruments are).</remarks>
internal sealed class ConnectionMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Parley.Connections";

    private readonly Counter<long> _refused;
    private readonly Counter<long> _tlsHandshakeFailures;
    private readonly Counter<long> _acceptErrors;

    public ConnectionMetrics(IMeterFactory meters, ConnectionAdmission admission)
    {
        var meter = meters.Create(MeterName);
        Meter = meter;
        _refused = meter.CreateCounter<long>("parley.connections.refused", "{connection}", "Connections refused by the connection limits, by reason");
        _tlsHandshakeFailures = meter.CreateCounter<long>("parley.tls.handshake_failures", "{handshake}", "TLS handshakes that failed, timed out or were abandoned, by listener");
        _acceptErrors = meter.CreateCounter<long>("parley.connections.accept_errors", "{error}", "accept() failures that paused accepting (descriptors or memory exhausted)");
        meter.CreateObservableGauge("parley.connections.open", () => admission.Open, "{connection}", "Connections open, all listeners");
        meter.CreateObservableGauge("parley.connections.sockets", () => admission.Sockets, "{socket}", "Accepted sockets still open: connections and refusals in flight");
        meter.CreateObservableGauge("parley.connections.limit", () => admission.MaxConnections, "{connection}", "The server-wide connection cap in force");
    }

    /// <summary>The meter (one per server: tests tell servers apart by it).</summary>
    public Meter Meter { get; }

    public void Refused(AdmissionVerdict reason, string listener) =>
        _refused.Add(1, new KeyValuePair<string, object?>("reason", ReasonTag(reason)), new KeyValuePair<string, object?>("listener", listener));

    public void ProxyHeaderRejected(string listener) =>
        _refused.Add(1, new KeyValuePair<string, object?>("reason", "proxy_header"), new KeyValuePair<string, object?>("listener", listener));

    public void TlsHandshakeFailed(string listener) =>
        _tlsHandshakeFailures.Add(1, new KeyValuePair<string, object?>("listener", listener));

    public void AcceptError(string error) =>
        _acceptErrors.Add(1, new KeyValuePair<string, object?>("error", error));

    private static string ReasonTag(AdmissionVerdict reason) => reason switch
    {
        AdmissionVerdict.ServerFull => "server_full",
        AdmissionVerdict.TooManyFromAddress => "per_address",
        AdmissionVerdict.TooManyNewFromAddress => "per_address_rate",
        _ => "other",
    };
}

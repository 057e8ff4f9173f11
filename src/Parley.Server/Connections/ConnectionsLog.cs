using Microsoft.Extensions.Logging;

namespace Parley.Server.Connections;

/// <summary>Log messages of the connection limits, the PROXY protocol, TLS handshakes and accepting. Event ids are stable: 500-599.</summary>
internal static partial class ConnectionsLog
{
    [LoggerMessage(500, LogLevel.Information, "Connection limits: at most {MaxConnections} connections ({Source}); per address {PerAddress} open, {NewPerWindow} new per {Window}")]
    public static partial void Limits(ILogger logger, int maxConnections, string source, int perAddress, int newPerWindow, TimeSpan window);

    [LoggerMessage(501, LogLevel.Warning, "Refused {Count} connection(s) since the last report; the latest from {Address} on {Listener}: {Reason} ({Open} of {Max} open)")]
    public static partial void Refused(ILogger logger, long count, string address, string listener, AdmissionVerdict reason, int open, int max);

    [LoggerMessage(502, LogLevel.Warning, "The server is full: {Max} connections open; refusing new ones until some close")]
    public static partial void Full(ILogger logger, int max);

    [LoggerMessage(503, LogLevel.Information, "Accepting connections again: {Open} of {Max} open")]
    public static partial void NoLongerFull(ILogger logger, int open, int max);

    [LoggerMessage(504, LogLevel.Warning, "Closing a connection from load balancer {Peer} on {Listener}: {Problem}")]
    public static partial void ProxyHeaderRejected(ILogger logger, string peer, string listener, string problem);

    [LoggerMessage(505, LogLevel.Debug, "TLS handshake from {Remote} on {Listener} did not complete: {Problem}")]
    public static partial void TlsHandshakeFailed(ILogger logger, string remote, string listener, string problem);

    [LoggerMessage(506, LogLevel.Error, "Accepting on {Endpoint} failed ({Error}: descriptors or memory exhausted?); pausing accepts, retrying with back-off up to {MaxDelay}")]
    public static partial void AcceptFailing(ILogger logger, string endpoint, string error, TimeSpan maxDelay);

    [LoggerMessage(507, LogLevel.Information, "Accepting on {Endpoint} again after {Errors} failed attempts")]
    public static partial void AcceptRecovered(ILogger logger, string endpoint, long errors);

    [LoggerMessage(508, LogLevel.Warning, "The descriptor limit {Limit} leaves room for few connections ({Open} descriptors already open): the cap is {Cap}; raise it (ulimit -n, LimitNOFILE=)")]
    public static partial void LowDescriptorLimit(ILogger logger, long limit, int open, int cap);

    [LoggerMessage(509, LogLevel.Warning, "Parley:Limits:MaxConnections is {Configured}, more than the descriptor limit leaves room for; using {Cap} (raise the limit: ulimit -n, LimitNOFILE=)")]
    public static partial void MaxConnectionsOverDescriptors(ILogger logger, int configured, int cap);

    [LoggerMessage(510, LogLevel.Information, "HTTP connection limits (http, https): per address {PerAddress} open, {NewPerWindow} new per {Window}; a WebSocket counts once more, as a chat connection")]
    public static partial void HttpLimits(ILogger logger, int perAddress, int newPerWindow, TimeSpan window);
}

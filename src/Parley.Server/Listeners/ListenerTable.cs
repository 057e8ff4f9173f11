using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Parley.FrontEnds.Irc;
using Parley.FrontEnds.Line;
using Parley.Server.Hosting;

namespace Parley.Server.Listeners;

/// <summary>
/// Every listener the server can open, in the order they are configured and logged. A new one
/// (issue 14's WebSocket listener) is one more row: it gets the connection limits, TLS, the
/// registry, its start-up line and its busy-port error without code of its own.
/// </summary>
internal static class ListenerTable
{
    /// <summary>The rows: <c>line</c>, <c>line-tls</c>, <c>irc</c>, <c>ircs</c>, <c>http</c>, <c>https</c>.</summary>
    public static IReadOnlyList<ListenerDescription> All { get; } =
    [
        new()
        {
            Name = ParleyServer.LineProtocol,
            PortKey = "Parley:Port",
            PortOption = "--port",
            Port = static options => options.Port,
            Host = static options => options.Host,
            Protocol = ParleyServer.LineProtocol,
            RefusalLine = LineFrontEnd.RefusalLine,
            Serve = static listen => listen.UseConnectionHandler<LineConnectionHandler>(),
        },
        new()
        {
            Name = ParleyServer.LineTlsProtocol,
            PortKey = "Parley:Tls:Port",
            PortOption = "--tls-port",
            Port = static options => options.Tls.Port,
            Host = static options => options.Host,
            Tls = true,
            Protocol = ParleyServer.LineProtocol,
            RefusalLine = LineFrontEnd.RefusalLine,
            Serve = static listen => listen.UseConnectionHandler<LineConnectionHandler>(),
        },
        new()
        {
            Name = ParleyServer.IrcProtocol,
            PortKey = "Parley:Irc:Port",
            PortOption = "--irc-port",
            Port = static options => options.Irc.Port,
            Host = static options => options.Host,
            Protocol = ParleyServer.IrcProtocol,
            RefusalLine = IrcFrontEnd.RefusalLine,
            Serve = static listen => listen.UseConnectionHandler<IrcConnectionHandler>(),
        },
        new()
        {
            Name = ParleyServer.IrcTlsProtocol,
            PortKey = "Parley:Irc:TlsPort",
            PortOption = "--ircs-port",
            Port = static options => options.Irc.TlsPort,
            Host = static options => options.Host,
            Tls = true,
            Protocol = ParleyServer.IrcProtocol,
            RefusalLine = IrcFrontEnd.RefusalLine,
            Serve = static listen => listen.UseConnectionHandler<IrcConnectionHandler>(),
        },
        new()
        {
            // No connection handler: the ASP.NET Core pipeline (the web client, /ws, HttpEndpoints).
            // Its raw connections have caps of their own (Parley:Web); a WebSocket is counted
            // again, as a chat connection, at its upgrade (WebSocketEndpoint).
            Name = ParleyServer.HttpProtocol,
            PortKey = "Parley:Http:Port",
            PortOption = "--http-port",
            Port = static options => options.Http.Port,
            Host = static options => options.Http.Host,
            Http = true,
            Protocol = ParleyServer.HttpProtocol,
            Serve = static listen => listen.Protocols = HttpProtocols.Http1,
        },
        new()
        {
            // The same pipeline over TLS (the web client, /ws, docs/web.md), on the HTTP listener's
            // host, with the same caps; a refused connection is closed before the handshake.
            Name = ParleyServer.HttpsProtocol,
            PortKey = "Parley:Https:Port",
            PortOption = "--https-port",
            Port = static options => options.Https.Port,
            Host = static options => options.Http.Host,
            Tls = true,
            Http = true,
            Protocol = ParleyServer.HttpProtocol,
            Serve = static listen => listen.Protocols = HttpProtocols.Http1,
        },
    ];

    /// <summary>The row named <paramref name="name"/>, or null.</summary>
    public static ListenerDescription? Find(string name) =>
        All.FirstOrDefault(listener => string.Equals(listener.Name, name, StringComparison.Ordinal));

    /// <summary>Whether a listener with TLS is on, so the server certificate must load at start.</summary>
    public static bool AnyTlsEnabled(ParleyOptions options) => All.Any(listener => listener.Tls && listener.IsEnabled(options));
}

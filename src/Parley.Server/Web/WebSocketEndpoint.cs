using System.Net;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Parley.Core.Sessions;
using Parley.FrontEnds.Irc;
using Parley.Server.Connections;
using Parley.Server.Observability;
using Parley.Server.Tls;

namespace Parley.Server.Web;

/// <summary>
/// <c>/ws</c>: IRC over WebSocket (https://ircv3.net/specs/extensions/websocket) on the HTTP and
/// HTTPS listeners, served by the IRC front-end as one more transport. Before the upgrade: the
/// Origin check (<see cref="WebOriginPolicy"/>, 403), the chat connection limits of every
/// listener (<see cref="ConnectionGate.Admission"/>: a WebSocket is one chat connection from its
/// address, its HTTP connection having been admitted apart, by <see cref="ConnectionGate.Http"/>;
/// 503 when the server is full, 429 over the address's caps), the web session
/// (<see cref="IWebSocketIdentity"/>: its account for SASL EXTERNAL, its id so that revoking it
/// closes the connection), and the subprotocol.
/// </summary>
/// <remarks>
/// Subprotocol (the spec: the client's order of preference, the first the server supports):
/// <c>binary.ircv3.net</c> (binary messages out) or <c>text.ircv3.net</c> (text messages out);
/// a client that offers neither is still served, without a <c>Sec-WebSocket-Protocol</c> header,
/// with text messages (what every browser client reads), taking text or binary in. Open
/// connections are counted under <c>listener=http|https</c>, <c>protocol=irc</c>. Thread-safe; one
/// per server.
/// </remarks>
internal sealed class WebSocketEndpoint(
    IrcFrontEnd frontEnd, ConnectionGate gate, ServerMetrics counts, TrustedNetworkList trustedNetworks,
    WebOriginPolicy origins, IWebSocketIdentity identity, WebServerOptions options)
{
    /// <summary>The endpoint's path.</summary>
    public const string Path = "/ws";

    /// <summary>IRCv3's binary subprotocol: any bytes, binary messages.</summary>
    public const string BinaryProtocol = "binary.ircv3.net";

    /// <summary>IRCv3's text subprotocol: UTF-8 text messages.</summary>
    public const string TextProtocol = "text.ircv3.net";

    private static readonly ListenerTags HttpTags = ListenerTags.For(Hosting.ParleyServer.HttpProtocol, Hosting.ParleyServer.IrcProtocol);
    private static readonly ListenerTags HttpsTags = ListenerTags.For(Hosting.ParleyServer.HttpsProtocol, Hosting.ParleyServer.IrcProtocol);

    /// <summary>Serves one request to <see cref="Path"/>: refuses it, or upgrades it and runs the IRC connection until it closes.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await PlainAsync(context, StatusCodes.Status400BadRequest, $"a WebSocket upgrade is expected here (subprotocol {TextProtocol} or {BinaryProtocol})");
            return;
        }

        if (!origins.IsAllowed(context.Request))
        {
            await PlainAsync(context, StatusCodes.Status403Forbidden, "this page's origin may not connect: same origin or Parley:Web:AllowedOrigins only");
            return;
        }

        var https = context.Request.IsHttps;
        var listener = https ? Hosting.ParleyServer.HttpsProtocol : Hosting.ParleyServer.HttpProtocol;
        var tags = https ? HttpsTags : HttpTags;
        counts.Opened(tags);
        try
        {
            var client = context.Connection.RemoteIpAddress ?? IPAddress.None;
            var verdict = gate.Admission.TryAdmit(client, out var ticket);
            if (verdict != AdmissionVerdict.Admitted)
            {
                gate.Metrics.Refused(verdict, listener);
                gate.Refusals.Refused(client, listener, verdict);
                var status = verdict == AdmissionVerdict.ServerFull ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests;
                await PlainAsync(context, status, ConnectionLimitMiddleware.Describe(verdict));
                return;
            }

            gate.Refusals.Admitted();
            try
            {
                await ServeAsync(context, client, https);
            }
            finally
            {
                gate.Admission.Release(ticket);
            }
        }
        finally
        {
            counts.Closed(tags);
        }
    }

    /// <summary>The subprotocol to answer with: the client's first of ours, in its order; null when it offered neither.</summary>
    public static string? ChooseSubprotocol(IList<string> requested)
    {
        foreach (var protocol in requested)
        {
            if (string.Equals(protocol, BinaryProtocol, StringComparison.OrdinalIgnoreCase))
                return BinaryProtocol;
            if (string.Equals(protocol, TextProtocol, StringComparison.OrdinalIgnoreCase))
                return TextProtocol;
        }

        return null;
    }

    private async Task ServeAsync(HttpContext context, IPAddress client, bool https)
    {
        var webSession = await identity.ValidateAsync(context);
        var security = new ConnectionSecurity
        {
            // HTTPS is TLS: a password (SASL PLAIN) is allowed over it, as over IRC's TLS port.
            IsTls = https,
            TlsProtocol = https ? context.Features.Get<ITlsHandshakeFeature>()?.Protocol.ToString() : null,
            IsTrustedNetwork = trustedNetworks.Contains(client),
            WebSessionAccount = webSession?.Account,
            // Revoking the session closes the connection (ChatHub.CloseWebSession).
            WebSessionId = webSession?.SessionId,
            WebSessionAccountId = webSession?.AccountId,
        };
        var subprotocol = ChooseSubprotocol(context.WebSockets.WebSocketRequestedProtocols);
        var accept = new WebSocketAcceptContext { SubProtocol = subprotocol };
        if (options.KeepAliveInterval > TimeSpan.Zero)
        {
            accept.KeepAliveInterval = options.KeepAliveInterval;
            accept.KeepAliveTimeout = options.KeepAliveInterval;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(accept);
        var remote = new IPEndPoint(client, context.Connection.RemotePort).ToString();
        await frontEnd.RunConnectionAsync(socket, subprotocol == BinaryProtocol, remote, security, context.Abort, options.CloseTimeout, context.RequestAborted);
    }

    private static Task PlainAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text + "\n");
    }
}

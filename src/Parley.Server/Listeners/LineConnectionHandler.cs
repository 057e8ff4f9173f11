using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Parley.Core.Sessions;
using Parley.FrontEnds.Line;
using Parley.Server.Tls;

namespace Parley.Server.Listeners;

/// <summary>
/// Kestrel glue: hands each accepted line-protocol connection's pipe to the front-end, with its
/// security context read from the TLS handshake (when the listener has TLS) and the peer address.
/// </summary>
internal sealed class LineConnectionHandler(LineFrontEnd frontEnd, TrustedNetworkList trustedNetworks) : ConnectionHandler
{
    public override Task OnConnectedAsync(ConnectionContext connection) =>
        frontEnd.RunConnectionAsync(
            connection.Transport,
            connection.RemoteEndPoint?.ToString() ?? "unknown",
            SecurityOf(connection),
            () => connection.Abort(),
            connection.ConnectionClosed);

    private ConnectionSecurity SecurityOf(ConnectionContext connection)
    {
        var handshake = connection.Features.Get<ITlsHandshakeFeature>();
        var certificate = connection.Features.Get<ITlsConnectionFeature>()?.ClientCertificate;
        return new ConnectionSecurity
        {
            IsTls = handshake is not null,
            TlsProtocol = handshake?.Protocol.ToString(),
            ClientCertificateSha256 = certificate is null ? null : CertificateFingerprint.Sha256(certificate),
            IsTrustedNetwork = trustedNetworks.Contains((connection.RemoteEndPoint as IPEndPoint)?.Address),
        };
    }
}

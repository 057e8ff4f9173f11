using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Parley.Core.Sessions;
using Parley.Server.Tls;

namespace Parley.Server.Listeners;

/// <summary>
/// Reads a Kestrel connection's security context, the same for every protocol: the TLS handshake
/// (when the listener has TLS), the client certificate's fingerprint, and whether the peer is on
/// a trusted network.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class ConnectionSecurityReader(TrustedNetworkList trustedNetworks)
{
    public ConnectionSecurity Read(ConnectionContext connection)
    {
        var handshake = connection.Features.Get<ITlsHandshakeFeature>();
        var certificate = connection.Features.Get<ITlsConnectionFeature>()?.ClientCertificate;
        var trusted = trustedNetworks.Contains((connection.RemoteEndPoint as IPEndPoint)?.Address);
        // The common case, plain and untrusted, shares one immutable instance: one object fewer
        // held by every idle connection (docs/benchmarks.md, fix 12).
        if (handshake is null && certificate is null && !trusted)
            return ConnectionSecurity.Unknown;
        return new ConnectionSecurity
        {
            IsTls = handshake is not null,
            TlsProtocol = handshake?.Protocol.ToString(),
            ClientCertificateSha256 = certificate is null ? null : CertificateFingerprint.Sha256(certificate),
            IsTrustedNetwork = trusted,
        };
    }
}

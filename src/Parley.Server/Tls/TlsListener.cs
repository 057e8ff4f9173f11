using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Parley.Server.Tls;

/// <summary>Puts Kestrel's TLS in front of a (non-HTTP) connection-handler listener.</summary>
internal static class TlsListener
{
    /// <summary>TLS 1.2 and 1.3 only: 1.0 and 1.1 are deprecated (RFC 8996).</summary>
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>
    /// Adds the TLS middleware. The per-connection callback (rather than a fixed certificate) lets
    /// each handshake take the certificate in service now, with its intermediate chain, so a
    /// replaced certificate file serves new connections without a restart.
    /// </summary>
    /// <param name="listen">The listener.</param>
    /// <param name="certificates">The server's certificate in service.</param>
    /// <param name="options">The TLS settings (handshake timeout).</param>
    /// <param name="http">
    /// True for the HTTPS listener: ALPN offers <c>http/1.1</c> and no client certificate is asked
    /// for (a browser would prompt for one; web sign-in is the session cookie). False for the line
    /// protocol and IRC: no ALPN, a client certificate asked for (CertFP).
    /// </param>
    public static void UseTls(ListenOptions listen, ServerCertificateSource certificates, TlsOptions options, bool http = false)
    {
        // No ALPN for the line protocol and IRC: they are not HTTP; never advertise h2 or http/1.1.
        listen.Protocols = http ? HttpProtocols.Http1 : HttpProtocols.None;
        List<SslApplicationProtocol>? alpn = http ? [SslApplicationProtocol.Http11] : null;
        listen.UseHttps(new TlsHandshakeCallbackOptions
        {
            HandshakeTimeout = options.HandshakeTimeout,
            OnConnection = _ => ValueTask.FromResult(new SslServerAuthenticationOptions
            {
                ServerCertificateContext = certificates.GetContext(),
                EnabledSslProtocols = Protocols,
                ApplicationProtocols = alpn,
                // Ask for a client certificate, never insist: most clients have none.
                ClientCertificateRequired = !http,
                RemoteCertificateValidationCallback = http ? null : ValidateClientCertificate,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            }),
        });
    }

    /// <summary>
    /// A client certificate is not checked against any authority (self-signed is the norm, as with
    /// ssh keys): an account trusts exactly the fingerprint it registered. It must be within its
    /// validity period, though, and none at all is fine.
    /// </summary>
    private static bool ValidateClientCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
            return true;
        using var certificate2 = new X509Certificate2(certificate);
        var now = DateTime.Now;
        return certificate2.NotBefore <= now && now <= certificate2.NotAfter;
    }
}

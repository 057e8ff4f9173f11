using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Parley.Client;

/// <content>TLS: the handshake over the TCP stream, and what it established.</content>
public sealed partial class ParleyConnection
{
    /// <summary>TLS versions the client offers: 1.2 and 1.3 (1.0 and 1.1 are deprecated, RFC 8996).</summary>
    public const SslProtocols TlsProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>How TLS was set up, or <see langword="null"/> on a plain connection.</summary>
    public TlsSessionInfo? Tls { get; private set; }

    private static async Task<(SslStream Stream, TlsSessionInfo Info)> AuthenticateAsync(
        Stream transport, ParleyClientOptions options, ParleyTlsOptions tls, CancellationToken cancellationToken)
    {
        var targetHost = tls.TargetHost ?? options.Host;
        var server = FormatServer(options.Host, options.Port);
        var verifier = new ServerCertificateVerifier(tls, server, targetHost);
        var ssl = new SslStream(transport, leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = targetHost,
                    EnabledSslProtocols = TlsProtocols,
                    RemoteCertificateValidationCallback = verifier.Validate,
                    ClientCertificates = tls.ClientCertificate is { } mine ? [mine] : null,
                    LocalCertificateSelectionCallback = tls.ClientCertificate is { } certificate
                        ? (_, _, _, _, _) => certificate
                        : null,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                },
                cancellationToken);
            verifier.Commit();
            return (ssl, new TlsSessionInfo(ssl.SslProtocol, verifier.Fingerprint!, verifier.Trust!.Value));
        }
        catch (AuthenticationException ex)
        {
            await ssl.DisposeAsync();
            if (verifier.Rejection is { } rejection)
                throw rejection;
            throw new ParleyConnectionException($"The TLS handshake with {server} failed: {ex.Message}", ex);
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>host:port</c>, with an IPv6 address in brackets: the key in <c>known_hosts</c>.</summary>
    internal static string FormatServer(string host, int port) =>
        host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[')
            ? $"[{host}]:{port}"
            : $"{host}:{port}";
}

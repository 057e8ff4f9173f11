using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Parley.Client;

/// <summary>
/// Decides during one handshake whether to trust the server's certificate: authority and name as
/// usual, else trust on first use against <c>known_hosts</c>. Remembers a newly trusted server
/// only once the handshake has succeeded (<see cref="Commit"/>).
/// </summary>
/// <remarks>One instance per connection attempt; not thread-safe (one handshake calls it once).</remarks>
internal sealed class ServerCertificateVerifier(ParleyTlsOptions options, string server, string targetHost)
{
    // Chain problems that only say "no authority vouches for this": what trust on first use replaces.
    private const X509ChainStatusFlags Unvouched =
        X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain
        | X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation;

    private string? _remember;

    /// <summary>Why the certificate was refused, when it was.</summary>
    public ServerCertificateRejectedException? Rejection { get; private set; }

    /// <summary>Why the certificate was trusted, once it was.</summary>
    public ServerTrust? Trust { get; private set; }

    /// <summary>The presented certificate's fingerprint, once seen.</summary>
    public string? Fingerprint { get; private set; }

    /// <summary>The <see cref="RemoteCertificateValidationCallback"/> for the handshake.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
            return Reject(CertificateRejection.NoCertificate, null, null, $"{server} presented no certificate.");

        var fingerprint = CertificateFingerprint.Sha256(certificate);
        Fingerprint = fingerprint;
        using var owned = certificate is X509Certificate2 ? null : new X509Certificate2(certificate);
        var leaf = certificate as X509Certificate2 ?? owned!;
        var now = DateTime.Now;
        if (now > leaf.NotAfter || now < leaf.NotBefore)
        {
            return Reject(CertificateRejection.Expired, fingerprint, null,
                $"The certificate of {server} is valid only from {leaf.NotBefore.ToUniversalTime():u} to {leaf.NotAfter.ToUniversalTime():u}; refusing it.");
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            // As ssh does: a fingerprint pinned for this host:port (known_hosts or
            // --trust-fingerprint) is trusted whatever names the certificate carries.
            if (PinnedTrust(fingerprint) is { } pinned)
                return Accept(pinned);
            var names = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>()
                .SelectMany(e => e.EnumerateDnsNames().Concat(e.EnumerateIPAddresses().Select(a => a.ToString())));
            return Reject(CertificateRejection.NameMismatch, fingerprint, null,
                $"The certificate of {server} is for {string.Join(", ", names.DefaultIfEmpty(leaf.Subject))}, not for {targetHost}; refusing it. If it is the server's (compare {fingerprint} with the one it logs), pin it for this address with --trust-fingerprint {fingerprint}.");
        }

        if (errors == SslPolicyErrors.None)
            return Accept(ServerTrust.CertificateAuthority);

        var status = chain?.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status) ?? X509ChainStatusFlags.NoError;
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || (status & ~Unvouched) != 0)
        {
            return Reject(CertificateRejection.InvalidChain, fingerprint, null,
                $"The certificate of {server} is invalid ({(status == X509ChainStatusFlags.NoError ? errors.ToString() : status.ToString())}); refusing it.");
        }

        return TrustOnFirstUse(leaf, fingerprint);
    }

    /// <summary>After a successful handshake, remembers a server trusted for the first time.</summary>
    /// <exception cref="IOException">known_hosts cannot be written.</exception>
    public void Commit()
    {
        if (_remember is { } fingerprint && options.KnownHosts is { } knownHosts)
            knownHosts.Add(server, fingerprint);
    }

    // The trust a pin gives this certificate, or null when nothing pinned for this endpoint matches it.
    private ServerTrust? PinnedTrust(string fingerprint)
    {
        if (options.KnownHosts?.Find(server) is { } known)
            return string.Equals(known, fingerprint, StringComparison.Ordinal) ? ServerTrust.KnownServer : null;
        if (options.TrustedFingerprint is { } given && CertificateFingerprint.TryNormalize(given, out var expected)
            && string.Equals(expected, fingerprint, StringComparison.Ordinal))
        {
            _remember = fingerprint;
            return ServerTrust.TrustedFingerprint;
        }

        return null;
    }

    private bool TrustOnFirstUse(X509Certificate2 leaf, string fingerprint)
    {
        if (options.KnownHosts?.Find(server) is { } known)
        {
            if (string.Equals(known, fingerprint, StringComparison.Ordinal))
                return Accept(ServerTrust.KnownServer);
            return Reject(CertificateRejection.Changed, fingerprint, known,
                $"""
                WARNING: THE CERTIFICATE OF {server} HAS CHANGED!
                Someone may be intercepting this connection (man in the middle), or the server got a new certificate.
                  remembered: {known}
                  presented:  {fingerprint}
                Refusing to connect. If the change is expected (ask the server's operator), delete the line for {server} from {options.KnownHosts.Path} and connect again.
                """);
        }

        if (options.TrustedFingerprint is { } given)
        {
            if (!CertificateFingerprint.TryNormalize(given, out var expected) || !string.Equals(expected, fingerprint, StringComparison.Ordinal))
            {
                return Reject(CertificateRejection.FingerprintMismatch, fingerprint, expected ?? given,
                    $"The certificate of {server} has fingerprint {fingerprint}, not the trusted {expected ?? given}; refusing it.");
            }

            _remember = fingerprint;
            return Accept(ServerTrust.TrustedFingerprint);
        }

        var info = new ServerCertificateInfo(server, fingerprint, leaf.Subject, leaf.NotAfter.ToUniversalTime());
        if (options.ConfirmFirstContact is { } confirm && confirm(info))
        {
            _remember = fingerprint;
            return Accept(ServerTrust.ConfirmedByUser);
        }

        return Reject(CertificateRejection.UnknownServer, fingerprint, null,
            $"No authority vouches for the certificate of {server} (self-signed?) and it is not a known server. Its fingerprint is {fingerprint}; compare it with the one the server logs, then trust it explicitly.");
    }

    private bool Accept(ServerTrust trust)
    {
        Trust = trust;
        return true;
    }

    private bool Reject(CertificateRejection reason, string? fingerprint, string? expected, string message)
    {
        Rejection = new ServerCertificateRejectedException(reason, server, fingerprint, expected, message);
        return false;
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Parley.TestKit;

/// <summary>Makes certificates for tests: self-signed, for chosen names and validity, as PEM files.</summary>
public static class TestCertificates
{
    /// <summary>
    /// A self-signed ECDSA P-256 certificate with its key, for TLS servers (<paramref name="names"/> as
    /// subject alternative names) or clients (no names).
    /// </summary>
    /// <param name="names">DNS names or IP addresses; empty for a client certificate.</param>
    /// <param name="notBefore">Start of validity; defaults to a day ago.</param>
    /// <param name="notAfter">End of validity; defaults to a year ahead.</param>
    /// <param name="subject">The subject common name.</param>
    public static X509Certificate2 Create(
        IEnumerable<string> names, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, string subject = "Parley test")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        var any = false;
        foreach (var name in names)
        {
            any = true;
            if (IPAddress.TryParse(name, out var address))
                san.AddIpAddress(address);
            else
                san.AddDnsName(name);
        }

        if (any)
        {
            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        }
        else
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        }

        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(notBefore ?? now.AddDays(-1), notAfter ?? now.AddYears(1));
        // Round-trip through PKCS#12 so the key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>A server certificate for <c>localhost</c> and <c>127.0.0.1</c>.</summary>
    public static X509Certificate2 ForLocalhost(DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null) =>
        Create(["localhost", "127.0.0.1", "::1"], notBefore, notAfter);

    /// <summary>Writes <paramref name="certificate"/> and its key as PEM files <c>name.crt</c> and <c>name.key</c> in <paramref name="directory"/>.</summary>
    /// <returns>The two paths.</returns>
    public static (string CertificatePath, string KeyPath) WritePem(X509Certificate2 certificate, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var certificatePath = Path.Combine(directory, name + ".crt");
        var keyPath = Path.Combine(directory, name + ".key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("no ECDSA key");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    /// <summary>The fingerprint as Parley writes it: <c>SHA256:</c> and 64 upper-case hex digits.</summary>
    public static string Fingerprint(X509Certificate2 certificate) =>
        "SHA256:" + Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
}

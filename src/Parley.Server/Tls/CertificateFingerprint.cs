using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Parley.Server.Tls;

/// <summary>
/// The one fingerprint format Parley shows and compares: <c>SHA256:</c> and the 64 upper-case hex
/// digits of the SHA-256 of the certificate's DER bytes (what
/// <c>openssl x509 -noout -fingerprint -sha256</c> prints, without the colons).
/// </summary>
internal static class CertificateFingerprint
{
    public const string Prefix = "SHA256:";

    public static string Sha256(X509Certificate2 certificate) =>
        Prefix + Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
}

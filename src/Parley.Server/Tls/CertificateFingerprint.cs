using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Parley.Server.Tls;

/// <summary>
/// Computes the one fingerprint format Parley shows and compares
/// (<see cref="Core.Security.CertificateFingerprint"/>): <c>SHA256:</c> and the 64 upper-case hex
/// digits of the SHA-256 of the certificate's DER bytes (what
/// <c>openssl x509 -noout -fingerprint -sha256</c> prints, without the colons).
/// </summary>
internal static class CertificateFingerprint
{
    public static string Sha256(X509Certificate2 certificate) =>
        Core.Security.CertificateFingerprint.Prefix + Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
}

using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Parley.Server.Tls;

/// <summary>A server certificate as loaded from its files, ready for handshakes.</summary>
/// <param name="Leaf">The server's certificate, with its private key.</param>
/// <param name="Context">The leaf and its intermediates, sent in every handshake.</param>
/// <param name="Fingerprint">The leaf's SHA-256 fingerprint (<see cref="CertificateFingerprint"/>).</param>
/// <param name="Stamp">Hash of the files' contents, to notice a replacement.</param>
internal sealed record LoadedCertificate(X509Certificate2 Leaf, SslStreamCertificateContext Context, string Fingerprint, byte[] Stamp);

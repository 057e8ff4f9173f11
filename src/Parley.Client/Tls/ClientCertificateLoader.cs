using System.Security.Cryptography.X509Certificates;

namespace Parley.Client;

/// <summary>Loads a client certificate with its private key for certificate login (<c>--client-cert</c>, <c>--client-key</c>).</summary>
public static class ClientCertificateLoader
{
    /// <summary>
    /// Loads <paramref name="certificatePath"/>: a PKCS#12 file (<c>.pfx</c>, <c>.p12</c>) holding the
    /// key, or a PEM certificate whose PEM key is in <paramref name="keyPath"/> or in the same file.
    /// </summary>
    /// <param name="certificatePath">The certificate file.</param>
    /// <param name="keyPath">The PEM private key file, or <see langword="null"/> when the certificate file holds it.</param>
    /// <param name="password">The PKCS#12 password, or <see langword="null"/>.</param>
    /// <returns>The certificate, with its private key, usable by <c>SslStream</c>.</returns>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">A file holds no certificate, or no matching key.</exception>
    public static X509Certificate2 Load(string certificatePath, string? keyPath = null, string? password = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certificatePath);
        if (keyPath is null
            && (certificatePath.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || certificatePath.EndsWith(".p12", StringComparison.OrdinalIgnoreCase)))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password);
        }

        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        // A PEM key is ephemeral; a PKCS#12 round trip makes it usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Parley.Client;

/// <summary>
/// Certificate fingerprints as Parley shows and compares them: <c>SHA256:</c> followed by the 64
/// upper-case hex digits of the SHA-256 hash of the certificate's DER bytes. The server logs its
/// certificate's fingerprint in the same form.
/// </summary>
public static class CertificateFingerprint
{
    /// <summary>The prefix naming the hash: <c>SHA256:</c>.</summary>
    public const string Prefix = "SHA256:";

    /// <summary>The fingerprint of <paramref name="certificate"/>.</summary>
    /// <param name="certificate">Any certificate.</param>
    /// <returns><c>SHA256:</c> and 64 upper-case hex digits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is null.</exception>
    public static string Sha256(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Prefix + Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    /// <summary>
    /// Reads a fingerprint as people paste it: with or without <c>SHA256:</c> (any case), hex in any
    /// case, with or without the colons <c>openssl x509 -fingerprint</c> puts between bytes.
    /// </summary>
    /// <param name="text">The fingerprint as typed.</param>
    /// <param name="fingerprint">The canonical form, when it parses.</param>
    /// <returns>Whether <paramref name="text"/> is a SHA-256 fingerprint.</returns>
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? fingerprint)
    {
        fingerprint = null;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var hex = text.Trim();
        if (hex.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            hex = hex[Prefix.Length..];
        hex = hex.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant();
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            return false;
        fingerprint = Prefix + hex;
        return true;
    }
}

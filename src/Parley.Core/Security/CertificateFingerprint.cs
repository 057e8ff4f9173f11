using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Parley.Core.Security;

/// <summary>
/// The server's one form of a certificate fingerprint: <c>SHA256:</c> followed by the 64 upper-case
/// hex digits of the SHA-256 hash of the certificate's DER bytes (what
/// <c>openssl x509 -noout -fingerprint -sha256</c> prints, without the colons). Accounts register
/// client certificates by it, and <see cref="Sessions.ConnectionSecurity.ClientCertificateSha256"/>
/// holds it.
/// </summary>
/// <remarks>
/// Stateless and thread-safe. The console client has its own copy of <see cref="TryNormalize"/>
/// (<c>Parley.Client.CertificateFingerprint</c>): the client may reference only the line codec, and
/// a test in <c>Parley.Client.Tests</c> checks the two agree.
/// </remarks>
public static class CertificateFingerprint
{
    private static readonly SearchValues<char> HexAndColons = SearchValues.Create("0123456789abcdefABCDEF:");

    /// <summary>The prefix naming the hash: <c>SHA256:</c>.</summary>
    public const string Prefix = "SHA256:";

    /// <summary>Length of the canonical form: the prefix and 64 hex digits (71 characters).</summary>
    public const int CanonicalLength = 71;

    /// <summary>
    /// Reads a fingerprint as people paste it: with or without <c>SHA256:</c> (any case), hex in any
    /// case, with or without the colons openssl puts between bytes.
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

    /// <summary>
    /// Whether <paramref name="text"/> looks like an attempt at a fingerprint (it starts with
    /// <c>SHA256:</c>, or is at least 16 characters of hex digits and colons), as opposed to a
    /// free-text label. Used to tell <c>/cert add laptop</c> from a mistyped fingerprint.
    /// </summary>
    /// <param name="text">One word as typed.</param>
    /// <returns>True when it should be read (and refused if malformed) as a fingerprint.</returns>
    public static bool LooksLikeFingerprint(ReadOnlySpan<char> text) =>
        text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
        || (text.Length >= 16 && !text.ContainsAnyExcept(HexAndColons));
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Parley.Core.Accounts;

/// <summary>
/// The token of a web session: 32 random bytes (256 bits, from the operating system's CSPRNG) in
/// base64url without padding (RFC 4648 §5): 43 characters, safe in a cookie value (RFC 6265
/// <c>cookie-octet</c>). The store keeps only its SHA-256 (<see cref="Hash"/>): the token has full
/// entropy, so a plain hash is enough (no salt or stretching; OWASP Session Management).
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class WebSessionToken
{
    /// <summary>Random bytes in a token: 32.</summary>
    public const int RandomBytes = 32;

    /// <summary>Characters of a token: 43 (base64url of 32 bytes, unpadded).</summary>
    public const int Length = 43;

    /// <summary>A new token.</summary>
    /// <returns>43 base64url characters.</returns>
    public static string New()
    {
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(random);
        return Base64Url.EncodeToString(random);
    }

    /// <summary>Whether <paramref name="token"/> has a token's shape: 43 base64url characters that decode to 32 bytes.</summary>
    /// <param name="token">A cookie's value, or null.</param>
    /// <returns>True when it may be a token (whether one was issued is the store's to say).</returns>
    public static bool IsWellFormed(string? token)
    {
        if (token is null || token.Length != Length)
            return false;
        Span<byte> decoded = stackalloc byte[RandomBytes + 1];
        return Base64Url.TryDecodeFromChars(token, decoded, out var written) && written == RandomBytes;
    }

    /// <summary>The hash the store keeps: SHA-256 of the token's ASCII, as 64 lower-case hexadecimal digits.</summary>
    /// <param name="token">A well-formed token (<see cref="IsWellFormed"/>).</param>
    /// <returns>The hash.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is not well formed.</exception>
    public static string Hash(string token)
    {
        if (!IsWellFormed(token))
            throw new ArgumentException("not a web session token", nameof(token));
        Span<byte> ascii = stackalloc byte[Length];
        Encoding.ASCII.GetBytes(token, ascii);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ascii, hash);
        return Convert.ToHexStringLower(hash);
    }
}

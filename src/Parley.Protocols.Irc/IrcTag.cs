using System.Buffers;

namespace Parley.Protocols.Irc;

/// <summary>One IRCv3 message tag: a key and its unescaped value.</summary>
/// <remarks>
/// IRCv3 message-tags: "Implementations MUST interpret empty tag values (e.g. foo=) as
/// equivalent to missing tag values (e.g. foo)", so <see cref="Value"/> is never null: a tag sent
/// as <c>foo</c> or <c>foo=</c> has the empty string, and one with an empty value is formatted
/// as the bare key.
/// </remarks>
/// <param name="Key">The key as sent, including any <c>+</c> client-only prefix and <c>vendor/</c> part.</param>
/// <param name="Value">The unescaped value; empty when the tag had none.</param>
public readonly record struct IrcTag(string Key, string Value)
{
    private static readonly SearchValues<char> KeyNameChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    private static readonly SearchValues<char> HostChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.");

    /// <summary>Whether the key has the <c>+</c> prefix of client-only tags, which servers relay unverified.</summary>
    public bool IsClientOnly => Key.StartsWith('+');

    /// <summary>
    /// Whether <paramref name="key"/> follows the IRCv3 grammar exactly:
    /// <c>['+'] [vendor '/'] key_name</c>, where the key name is ASCII letters, digits and
    /// hyphens and the vendor a host name. The parser does not apply this check, since the spec
    /// says implementations "MUST NOT perform any validation that would reject the message if an
    /// invalid tag key name is used"; a front-end may use it to ignore odd keys.
    /// </summary>
    /// <param name="key">The key to check.</param>
    /// <returns><see langword="true"/> when the key is well formed.</returns>
    public static bool IsWellFormedKey(ReadOnlySpan<char> key)
    {
        if (key.StartsWith('+'))
            key = key[1..];
        var slash = key.LastIndexOf('/');
        if (slash >= 0)
        {
            var vendor = key[..slash];
            if (vendor.IsEmpty || vendor.ContainsAnyExcept(HostChars))
                return false;
            key = key[(slash + 1)..];
        }

        return !key.IsEmpty && !key.ContainsAnyExcept(KeyNameChars);
    }

}

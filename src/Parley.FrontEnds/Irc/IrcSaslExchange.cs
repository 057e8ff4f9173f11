using System.Text;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// One SASL exchange in progress (IRCv3 sasl-3.1): the mechanism chosen with
/// <c>AUTHENTICATE &lt;mechanism&gt;</c> and the base64 chunks received so far.
/// </summary>
/// <remarks>Owned by the connection's read loop; not thread-safe.</remarks>
internal sealed class IrcSaslExchange(string mechanism)
{
    /// <summary>
    /// Longest chunk, in bytes: 400, as the spec says. A chunk of exactly 400 means more follow;
    /// <c>+</c> ends a payload whose length is a multiple of 400.
    /// </summary>
    public const int ChunkBytes = 400;

    /// <summary>
    /// Longest whole payload, base64, in bytes: 1,200 (three chunks). A PLAIN payload Parley can
    /// accept is at most 195 bytes (two 32-character nicks, a 128-character password, two NULs),
    /// 260 in base64, so this is generous; longer gets 904 ERR_SASLFAIL.
    /// </summary>
    public const int MaxPayloadBytes = 3 * ChunkBytes;

    private readonly StringBuilder _payload = new();

    /// <summary><c>PLAIN</c> or <c>EXTERNAL</c>.</summary>
    public string Mechanism { get; } = mechanism;

    /// <summary>Base64 characters received so far.</summary>
    public int Length => _payload.Length;

    /// <summary>Adds one chunk (not <c>+</c>).</summary>
    public void Append(string chunk) => _payload.Append(chunk);

    /// <summary>Decodes the payload; false when it is not base64.</summary>
    public bool TryDecode(out byte[] payload)
    {
        try
        {
            payload = Convert.FromBase64String(_payload.ToString());
            return true;
        }
        catch (FormatException)
        {
            payload = [];
            return false;
        }
    }
}

using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;

namespace Parley.Server.Connections.Proxy;

/// <summary>
/// Parses the PROXY protocol header a load balancer sends before the client's bytes, version 1
/// (text) or 2 (binary), per HAProxy's specification (haproxy.org/download/2.9/doc/proxy-protocol.txt).
/// Bounded: a v1 header is at most 107 bytes (the spec's maximum), a v2 header at most
/// <see cref="MaxV2Length"/>; nothing beyond the header is examined.
/// </summary>
/// <remarks>Stateless and thread-safe. Only ever called for peers in <c>Parley:Limits:ProxyNetworks</c>.</remarks>
internal static class ProxyHeaderParser
{
    /// <summary>The longest v1 header, CR LF included: <c>PROXY UNKNOWN</c> with two full IPv6 addresses and ports (spec 2.1).</summary>
    public const int MaxV1Length = 107;

    /// <summary>
    /// The longest v2 header accepted: 16 fixed bytes and 2,048 of addresses and TLVs. The spec
    /// allows 65,535; HAProxy's TLVs (ALPN, SNI, TLS details, a unique id) fit well within this.
    /// </summary>
    public const int MaxV2Length = 16 + 2048;

    private static ReadOnlySpan<byte> V2Signature => [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];

    private static ReadOnlySpan<byte> V1Prefix => "PROXY "u8;

    /// <summary>Looks for a complete header at the start of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">The bytes received so far.</param>
    /// <param name="header">The header when <see cref="ProxyParseStatus.Done"/>; its length is what to consume.</param>
    /// <returns>Whether a header was found, more bytes are needed, or the input is not a valid header.</returns>
    public static ProxyParseStatus TryParse(ReadOnlySequence<byte> buffer, out ProxyHeader header)
    {
        header = default;
        if (buffer.IsEmpty)
            return ProxyParseStatus.NeedMore;
        var first = buffer.FirstSpan[0];
        if (first == V1Prefix[0])
            return TryParseV1(buffer, out header);
        if (first == V2Signature[0])
            return TryParseV2(buffer, out header);
        return ProxyParseStatus.Invalid;
    }

    private static ProxyParseStatus TryParseV1(ReadOnlySequence<byte> buffer, out ProxyHeader header)
    {
        header = default;
        // Never look further than the longest header for its CR LF.
        var window = buffer.Slice(0, Math.Min(buffer.Length, MaxV1Length));
        var reader = new SequenceReader<byte>(window);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> line, "\r\n"u8, advancePastDelimiter: true))
        {
            // No CR LF yet: more may come, unless the bytes so far already cannot be a header.
            var prefix = (int)Math.Min(window.Length, V1Prefix.Length);
            Span<byte> start = stackalloc byte[V1Prefix.Length];
            window.Slice(0, prefix).CopyTo(start);
            if (!start[..prefix].SequenceEqual(V1Prefix[..prefix]) || window.PositionOf((byte)'\n') is not null)
                return ProxyParseStatus.Invalid;
            return window.Length >= MaxV1Length ? ProxyParseStatus.Invalid : ProxyParseStatus.NeedMore;
        }

        var length = (int)reader.Consumed;
        Span<byte> bytes = stackalloc byte[MaxV1Length];
        line.CopyTo(bytes);
        if (!TryParseV1Line(bytes[..(int)line.Length], out var source, out var destination))
            return ProxyParseStatus.Invalid;
        header = new ProxyHeader(source, destination, length);
        return ProxyParseStatus.Done;
    }

    // "PROXY TCP4 192.0.2.1 198.51.100.2 56324 443", or "PROXY UNKNOWN" and anything after it.
    private static bool TryParseV1Line(ReadOnlySpan<byte> line, out IPEndPoint? source, out IPEndPoint? destination)
    {
        source = null;
        destination = null;
        if (!line.StartsWith(V1Prefix) || line.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E))
            return false;
        var text = Encoding.ASCII.GetString(line[V1Prefix.Length..]);
        if (text == "UNKNOWN" || text.StartsWith("UNKNOWN ", StringComparison.Ordinal))
            return true;
        var parts = text.Split(' ');
        if (parts.Length != 5 || (parts[0] != "TCP4" && parts[0] != "TCP6"))
            return false;
        var family = parts[0] == "TCP4" ? System.Net.Sockets.AddressFamily.InterNetwork : System.Net.Sockets.AddressFamily.InterNetworkV6;
        if (!TryParseAddress(parts[1], family, out var sourceAddress)
            || !TryParseAddress(parts[2], family, out var destinationAddress)
            || !TryParsePort(parts[3], out var sourcePort)
            || !TryParsePort(parts[4], out var destinationPort))
            return false;
        source = new IPEndPoint(sourceAddress, sourcePort);
        destination = new IPEndPoint(destinationAddress, destinationPort);
        return true;
    }

    private static bool TryParseAddress(string text, System.Net.Sockets.AddressFamily family, out IPAddress address) =>
        IPAddress.TryParse(text, out address!) && address.AddressFamily == family && (family != System.Net.Sockets.AddressFamily.InterNetwork || text.Count(c => c == '.') == 3);

    // Decimal 0-65535, no sign, no leading zeros (spec 2.1).
    private static bool TryParsePort(string text, out int port)
    {
        port = 0;
        if (text.Length is 0 or > 5 || (text.Length > 1 && text[0] == '0') || !text.All(char.IsAsciiDigit))
            return false;
        port = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return port <= 65535;
    }

    private static ProxyParseStatus TryParseV2(ReadOnlySequence<byte> buffer, out ProxyHeader header)
    {
        header = default;
        Span<byte> fixedPart = stackalloc byte[16];
        var available = (int)Math.Min(buffer.Length, fixedPart.Length);
        buffer.Slice(0, available).CopyTo(fixedPart);
        var signature = Math.Min(available, V2Signature.Length);
        if (!fixedPart[..signature].SequenceEqual(V2Signature[..signature]))
            return ProxyParseStatus.Invalid;
        if (available < 16)
            return ProxyParseStatus.NeedMore;

        var version = fixedPart[12] >> 4;
        var command = fixedPart[12] & 0x0F;
        var family = fixedPart[13] >> 4;
        var transport = fixedPart[13] & 0x0F;
        var length = 16 + BinaryPrimitives.ReadUInt16BigEndian(fixedPart[14..]);
        if (version != 2 || command > 1 || family > 3 || transport > 2 || length > MaxV2Length)
            return ProxyParseStatus.Invalid;
        if (buffer.Length < length)
            return ProxyParseStatus.NeedMore;

        // LOCAL (a health check by the balancer itself) and families without an IP address: the
        // connection's own endpoints stand.
        const int inet = 1, inet6 = 2;
        if (command == 0 || (family != inet && family != inet6))
        {
            header = new ProxyHeader(null, null, length);
            return ProxyParseStatus.Done;
        }

        var addressBytes = family == inet ? 4 : 16;
        var addressLength = (2 * addressBytes) + 4;
        if (length - 16 < addressLength)
            return ProxyParseStatus.Invalid;
        Span<byte> addresses = stackalloc byte[36];
        buffer.Slice(16, addressLength).CopyTo(addresses);
        var source = new IPAddress(addresses[..addressBytes]);
        var destination = new IPAddress(addresses.Slice(addressBytes, addressBytes));
        var sourcePort = BinaryPrimitives.ReadUInt16BigEndian(addresses[(2 * addressBytes)..]);
        var destinationPort = BinaryPrimitives.ReadUInt16BigEndian(addresses[((2 * addressBytes) + 2)..]);
        header = new ProxyHeader(new IPEndPoint(source, sourcePort), new IPEndPoint(destination, destinationPort), length);
        return ProxyParseStatus.Done;
    }
}

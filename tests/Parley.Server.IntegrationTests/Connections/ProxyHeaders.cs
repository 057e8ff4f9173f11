using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>PROXY protocol headers as HAProxy and nginx send them (haproxy.org proxy-protocol.txt), built by hand.</summary>
internal static class ProxyHeaders
{
    public static byte[] V1(string source, int sourcePort, string destination = "192.0.2.1", int destinationPort = 6667)
    {
        var family = IPAddress.Parse(source).AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "TCP4" : "TCP6";
        return Encoding.ASCII.GetBytes($"PROXY {family} {source} {destination} {sourcePort} {destinationPort}\r\n");
    }

    /// <summary>A v2 PROXY (or, with <paramref name="local"/>, LOCAL) header over TCP, with optional TLV bytes after the addresses.</summary>
    public static byte[] V2(string source, int sourcePort, string destination, int destinationPort, bool local = false, byte[]? tlvs = null)
    {
        var src = IPAddress.Parse(source).GetAddressBytes();
        var dst = IPAddress.Parse(destination).GetAddressBytes();
        tlvs ??= [];
        var length = src.Length + dst.Length + 4 + tlvs.Length;
        var header = new byte[16 + length];
        Signature.CopyTo(header, 0);
        header[12] = (byte)(local ? 0x20 : 0x21);
        header[13] = (byte)(src.Length == 4 ? 0x11 : 0x21);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(14), (ushort)length);
        src.CopyTo(header, 16);
        dst.CopyTo(header, 16 + src.Length);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(16 + (2 * src.Length)), (ushort)sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(18 + (2 * src.Length)), (ushort)destinationPort);
        tlvs.CopyTo(header, 20 + (2 * src.Length));
        return header;
    }

    public static byte[] Signature { get; } = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];
}

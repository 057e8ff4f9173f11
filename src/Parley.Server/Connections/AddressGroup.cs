using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Parley.Server.Connections;

/// <summary>
/// The unit the per-address limits count: an IPv4 address, or the /64 of an IPv6 address (one
/// customer's prefix: ISPs hand out a /64 or more, so counting single IPv6 addresses would let
/// one machine pick a new one per connection). Ergo groups the same way (<c>cidr-len-ipv6: 64</c>).
/// </summary>
/// <param name="Value">IPv4 as its 32 bits under the IPv4-mapped prefix; IPv6 as its upper 64 bits.</param>
internal readonly record struct AddressGroup(UInt128 Value)
{
    /// <summary>The prefix length IPv6 addresses are grouped by.</summary>
    public const int Ipv6PrefixLength = 64;

    /// <summary>The group of <paramref name="address"/>; IPv4-mapped IPv6 counts as its IPv4 address.</summary>
    public static AddressGroup Of(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes[..4], out _);
            // ::ffff:a.b.c.d, so an IPv4 group never equals an IPv6 one.
            return new AddressGroup(new UInt128(0, 0xFFFF_0000_0000UL | BinaryPrimitives.ReadUInt32BigEndian(bytes)));
        }

        address.TryWriteBytes(bytes, out _);
        return new AddressGroup(new UInt128(BinaryPrimitives.ReadUInt64BigEndian(bytes), 0));
    }
}

using System.Net;
using System.Net.Sockets;

namespace Parley.Core.Accounts.Throttling;

/// <summary>The keys the throttles count by: accounts case-insensitively, addresses per host (IPv6 per /64).</summary>
internal static class ThrottleKeys
{
    /// <summary>The account key: the nick in lower case (nicks are ASCII, <see cref="Presence.NickRules"/>).</summary>
    public static string Account(string nick) => nick.ToLowerInvariant();

    /// <summary>
    /// The address key: "127.0.0.1:54321" and "[::1]:5000" count per address, not per connection;
    /// an IPv6 address counts per /64, the block one subscriber usually gets (as Ergo groups it),
    /// so walking through a /64 buys nothing. Anything that is not an address counts as itself.
    /// </summary>
    public static string Address(string remoteAddress)
    {
        if (!IPEndPoint.TryParse(remoteAddress, out var endpoint))
            return remoteAddress;
        var address = endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address;
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}

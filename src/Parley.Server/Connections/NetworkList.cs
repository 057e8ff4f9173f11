using System.Net;
using Parley.Server.Tls;

namespace Parley.Server.Connections;

/// <summary>A set of networks (CIDR or single addresses) to test peer addresses against.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class NetworkList
{
    private readonly IPNetwork[] _networks;

    /// <param name="networks">Validated network strings (<see cref="TrustedNetworkList.TryParseNetwork"/>).</param>
    public NetworkList(IEnumerable<string> networks) =>
        _networks = [.. networks.Select(n => TrustedNetworkList.TryParseNetwork(n, out var network)
            ? network
            : throw new ArgumentException($"'{n}' is not a network", nameof(networks)))];

    /// <summary>Whether the list is empty (so no address is in it).</summary>
    public bool IsEmpty => _networks.Length == 0;

    /// <summary>Whether <paramref name="address"/> (IPv4-mapped IPv6 counts as IPv4) is in one of the networks.</summary>
    public bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        foreach (var network in _networks)
        {
            if (network.Contains(address))
                return true;
        }

        return false;
    }
}

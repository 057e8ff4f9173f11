using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Parley.Server.Tls;

/// <summary>
/// Which peer addresses count as trusted networks for the login policy: loopback (unless turned
/// off) and the configured CIDR networks.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class TrustedNetworkList
{
    private readonly IPNetwork[] _networks;
    private readonly bool _trustLoopback;

    public TrustedNetworkList(TlsOptions options)
    {
        _trustLoopback = options.TrustLoopback;
        _networks = [.. options.TrustedNetworks.Select(n => TryParseNetwork(n, out var network)
            ? network
            : throw new ArgumentException($"'{n}' is not a network", nameof(options)))];
    }

    /// <summary>Whether <paramref name="address"/> is trusted; null (unknown peer) never is.</summary>
    public bool Contains(IPAddress? address)
    {
        if (address is null)
            return false;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (_trustLoopback && IPAddress.IsLoopback(address))
            return true;
        foreach (var network in _networks)
        {
            if (network.Contains(address))
                return true;
        }

        return false;
    }

    /// <summary>Parses <c>10.0.0.0/8</c>, <c>fd00::/8</c>, or a single address (a /32 or /128).</summary>
    public static bool TryParseNetwork(string text, [NotNullWhen(true)] out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        text = text.Trim();
        if (IPNetwork.TryParse(text, out network))
            return true;
        if (!IPAddress.TryParse(text, out var address))
            return false;
        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }
}

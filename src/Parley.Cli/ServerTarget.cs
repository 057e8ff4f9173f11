using System.Globalization;
using Parley.Client;

namespace Parley.Cli;

/// <summary>
/// Where to connect, from the optional <c>host[:port]</c> argument, <c>--host</c>, <c>--port</c> and
/// <c>--tls</c>: the argument wins over the options; the TLS port (55556) implies TLS, and
/// <c>--tls</c> without a port means the TLS port.
/// </summary>
internal static class ServerTarget
{
    /// <summary>Resolves the target; returns an error message instead when the argument does not parse.</summary>
    public static (string Host, int Port, bool Tls, string? Error) Resolve(string? server, string host, int? port, bool tls)
    {
        if (!string.IsNullOrWhiteSpace(server))
        {
            if (!TrySplit(server.Trim(), out var serverHost, out var serverPort))
                return (host, 0, tls, $"'{server}' is not host or host:port (an IPv6 address with a port goes in brackets: [::1]:55556).");
            host = serverHost;
            port = serverPort ?? port;
        }

        var resolved = port ?? (tls ? ParleyClientOptions.DefaultTlsPort : ParleyClientOptions.DefaultPort);
        return (host, resolved, tls || resolved == ParleyClientOptions.DefaultTlsPort, null);
    }

    private static bool TrySplit(string server, out string host, out int? port)
    {
        port = null;
        host = server;
        if (server.StartsWith('['))
        {
            var close = server.IndexOf(']', StringComparison.Ordinal);
            if (close < 2)
                return false;
            host = server[1..close];
            var rest = server[(close + 1)..];
            if (rest.Length == 0)
                return true;
            return rest[0] == ':' && TryPort(rest[1..], out port);
        }

        var colon = server.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || server.IndexOf(':', colon + 1) >= 0)
            return true; // A host name, or a bare IPv6 address.
        host = server[..colon];
        return host.Length > 0 && TryPort(server[(colon + 1)..], out port);
    }

    private static bool TryPort(string text, out int? port)
    {
        port = null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 65535)
            return false;
        port = value;
        return true;
    }
}

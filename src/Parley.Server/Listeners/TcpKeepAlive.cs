using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Parley.FrontEnds.Connections;

namespace Parley.Server.Listeners;

/// <summary>
/// Turns on TCP keep-alive for an accepted connection (<see cref="ConnectionLimits.TcpKeepAliveTime"/>):
/// the kernel probes a silent peer and resets the connection when it is gone (unplugged, crashed
/// machine, NAT entry dropped), so a dead peer does not stay registered for ever, while a live
/// <c>nc</c> user who only reads answers the probes without knowing and stays.
/// </summary>
internal static class TcpKeepAlive
{
    /// <summary>Applies the keep-alive settings when the transport is a socket (Kestrel's, not an in-memory pipe).</summary>
    /// <param name="connection">The accepted connection.</param>
    /// <param name="limits">The settings; <see cref="ConnectionLimits.TcpKeepAliveTime"/> zero leaves the socket as it is.</param>
    public static void Apply(ConnectionContext connection, ConnectionLimits limits)
    {
        if (limits.TcpKeepAliveTime <= TimeSpan.Zero || connection.Features.Get<IConnectionSocketFeature>()?.Socket is not { } socket)
            return;
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, Seconds(limits.TcpKeepAliveTime));
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, Seconds(limits.TcpKeepAliveInterval));
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, limits.TcpKeepAliveProbes);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The peer is gone already, or the platform lacks an option: nothing to keep alive.
        }
    }

    private static int Seconds(TimeSpan value) => Math.Max(1, (int)Math.Ceiling(value.TotalSeconds));
}

using Microsoft.AspNetCore.Connections;
using Parley.FrontEnds.Line;

namespace Parley.Server.Listeners;

/// <summary>
/// Kestrel glue: hands each accepted line-protocol connection's pipe to the front-end, with its
/// security context read from the TLS handshake (when the listener has TLS) and the peer address.
/// </summary>
internal sealed class LineConnectionHandler(LineFrontEnd frontEnd, ConnectionSecurityReader security) : ConnectionHandler
{
    public override Task OnConnectedAsync(ConnectionContext connection)
    {
        // Dead peers are found by the kernel: line clients have no PING to answer.
        TcpKeepAlive.Apply(connection, frontEnd.Limits);
        // No ConnectionClosed token: the transport's input completes whenever the connection ends
        // (FIN, reset, abort), and Kestrel fires the token from a thread-pool item just after that,
        // so a read loop awaiting with it saw a peer's clean close as "connection lost" whenever
        // the token won the race (PeerCloseTests).
        return TlsCloseNotify.ServeAsync(connection, frontEnd.RunConnectionAsync(
            connection.Transport,
            connection.RemoteEndPoint?.ToString() ?? "unknown",
            security.Read(connection),
            connection.Abort));
    }
}

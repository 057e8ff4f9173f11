using Microsoft.AspNetCore.Connections;
using Parley.FrontEnds.Irc;

namespace Parley.Server.Listeners;

/// <summary>
/// Kestrel glue for IRC, plain and TLS: hands each accepted connection's pipe to the IRC
/// front-end with its security context, as <see cref="LineConnectionHandler"/> does for lines.
/// </summary>
internal sealed class IrcConnectionHandler(IrcFrontEnd frontEnd, ConnectionSecurityReader security) : ConnectionHandler
{
    // No ConnectionClosed token, as in LineConnectionHandler: the input's completion ends the connection.
    public override Task OnConnectedAsync(ConnectionContext connection) =>
        TlsCloseNotify.ServeAsync(connection, frontEnd.RunConnectionAsync(
            connection.Transport,
            connection.RemoteEndPoint?.ToString() ?? "unknown",
            security.Read(connection),
            connection.Abort));
}

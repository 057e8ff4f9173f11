using Microsoft.AspNetCore.Connections;
using Parley.FrontEnds.Line;

namespace Parley.Server.Listeners;

/// <summary>Kestrel glue: hands each accepted line-protocol connection's pipe to the front-end.</summary>
internal sealed class LineConnectionHandler(LineFrontEnd frontEnd) : ConnectionHandler
{
    public override Task OnConnectedAsync(ConnectionContext connection) =>
        frontEnd.RunConnectionAsync(
            connection.Transport,
            connection.RemoteEndPoint?.ToString() ?? "unknown",
            () => connection.Abort(),
            connection.ConnectionClosed);
}

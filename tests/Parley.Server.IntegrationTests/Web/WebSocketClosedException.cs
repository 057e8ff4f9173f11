using System.Net.WebSockets;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>The server closed the WebSocket where a message was expected.</summary>
/// <param name="status">The close status it sent.</param>
internal sealed class WebSocketClosedException(WebSocketCloseStatus? status) : Exception($"closed by the server: {status}")
{
    /// <summary>The close status the server sent.</summary>
    public WebSocketCloseStatus? Status { get; } = status;
}

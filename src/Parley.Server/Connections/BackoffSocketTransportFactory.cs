using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Parley.Server.Connections;

/// <summary>
/// Kestrel's socket transport with an accept loop that backs off when accepting fails for want
/// of descriptors or memory, registered in place of Kestrel's own for TCP endpoints.
/// </summary>
/// <remarks>
/// Kestrel's <c>SocketConnectionListener.AcceptAsync</c> treats every <see cref="System.Net.Sockets.SocketException"/>
/// but "aborted" as a connection reset in the backlog and retries at once. On EMFILE the pending
/// connection stays in the backlog, so the retry fails again at once: a busy loop (about 1,500
/// accept4 calls a second, issue 9) that logs nothing. The connections themselves are made by
/// Kestrel's public <see cref="SocketConnectionContextFactory"/>, so everything after accept is
/// Kestrel's own code. Thread-safe.
/// </remarks>
internal sealed class BackoffSocketTransportFactory(
    IOptions<SocketTransportOptions> options, ConnectionAdmission admission, ConnectionMetrics metrics, TimeProvider time, ILoggerFactory loggers)
    : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    public bool CanBind(EndPoint endpoint) => endpoint is IPEndPoint;

    public ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var transport = options.Value;
        System.Net.Sockets.Socket socket;
        try
        {
            socket = transport.CreateBoundListenSocket(endpoint);
        }
        catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
        {
            throw new AddressInUseException(e.Message, e);
        }

        socket.Listen(transport.Backlog);
        var factory = new SocketConnectionContextFactory(
            new SocketConnectionFactoryOptions
            {
                IOQueueCount = transport.IOQueueCount,
                WaitForDataBeforeAllocatingBuffer = transport.WaitForDataBeforeAllocatingBuffer,
                MaxReadBufferSize = transport.MaxReadBufferSize,
                MaxWriteBufferSize = transport.MaxWriteBufferSize,
                UnsafePreferInlineScheduling = transport.UnsafePreferInlineScheduling,
            },
            loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets"));
        IConnectionListener listener = new BackoffSocketListener(socket, factory, transport.NoDelay, admission, metrics, time, loggers.CreateLogger<BackoffSocketListener>());
        return ValueTask.FromResult(listener);
    }
}

using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;

namespace Parley.Server.Connections;

/// <summary>
/// One bound listening socket whose accept loop pauses, doubling from <see cref="FirstDelay"/> to
/// <see cref="MaxDelay"/>, while accept fails with EMFILE, ENFILE, ENOBUFS or ENOMEM, and resumes
/// when it succeeds again (as Go's net/http does). Meanwhile new connections wait in the kernel's
/// backlog, costing the process nothing; those already open are served as before. The failure is
/// logged once per episode, the recovery once. It also pauses, the same way, while the server
/// holds <see cref="ConnectionAdmission.MaxConnections"/> + <see cref="ConnectionAdmission.RefusalsInFlight"/>
/// sockets, so refusals under a flood cannot take the descriptors the cap left free.
/// </summary>
/// <remarks>Kestrel calls <see cref="AcceptAsync"/> from one loop per listener; not for concurrent accepts.</remarks>
internal sealed class BackoffSocketListener(
    Socket socket, SocketConnectionContextFactory factory, bool noDelay, ConnectionAdmission admission, ConnectionMetrics metrics, TimeProvider time, ILogger logger)
    : IConnectionListener
{
    /// <summary>The first pause after a failed accept: 5 ms.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(5);

    /// <summary>The longest pause: 1 s, so a freed descriptor is used within a second.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _unbound = new();
    // One line per 10 s at most, failing or recovering: under a flood at the limit the two alternate.
    private readonly LogGate _log = new(TimeSpan.FromSeconds(10), time);
    private long _failures;

    public EndPoint EndPoint { get; } = socket.LocalEndPoint!;

    public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        var delay = FirstDelay;
        while (true)
        {
            try
            {
                if (!admission.HasRoomForSocket)
                {
                    await Task.Delay(delay, time, _unbound.Token);
                    delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
                    continue;
                }

                var accepted = await socket.AcceptAsync(cancellationToken);
                if (_failures > 0)
                {
                    if (_log.TryPass())
                        ConnectionsLog.AcceptRecovered(logger, EndPoint.ToString()!, _failures);
                    _failures = 0;
                }

                if (accepted.LocalEndPoint is IPEndPoint)
                    accepted.NoDelay = noDelay;
                var connection = factory.Create(accepted);
                // Kestrel's socket connection fires ConnectionClosed once its socket is disposed.
                admission.SocketOpened();
                connection.ConnectionClosed.UnsafeRegister(static state => ((ConnectionAdmission)state!).SocketClosed(), admission);
                return connection;
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.OperationAborted)
            {
                return null;
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            catch (SocketException e) when (IsExhaustion(e))
            {
                metrics.AcceptError(e.SocketErrorCode.ToString());
                if (_failures++ == 0 && _log.TryPass())
                    ConnectionsLog.AcceptFailing(logger, EndPoint.ToString()!, e.Message, MaxDelay);
                try
                {
                    await Task.Delay(delay, time, _unbound.Token);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }

                delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
            }
            catch (SocketException)
            {
                // A connection reset while in the backlog: the next one is a different connection.
            }
        }
    }

    public async ValueTask UnbindAsync(CancellationToken cancellationToken = default)
    {
        await _unbound.CancelAsync();
        socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await UnbindAsync();
        factory.Dispose();
        _unbound.Dispose();
    }

    // EMFILE 24, ENFILE 23, ENOBUFS 105, ENOMEM 12 (Linux errno): the process or system is out of
    // something a retry cannot conjure; .NET maps the first two to TooManyOpenSockets.
    private static bool IsExhaustion(SocketException e) =>
        e.SocketErrorCode is SocketError.TooManyOpenSockets or SocketError.NoBufferSpaceAvailable
        || e.NativeErrorCode is 23 or 24 or 105 or 12;
}

using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace Parley.Server.Listeners;

/// <summary>
/// Ends a TLS connection the way TLS says to: a close_notify alert (RFC 8446 §6.1) after the last
/// line, so the peer knows the stream ended and was not cut (openssl s_client otherwise reports
/// "unexpected eof"). Kestrel's TLS layer disposes the stream without sending one.
/// </summary>
internal static class TlsCloseNotify
{
    // A peer that stopped reading must not hold the connection open: the alert gets this long.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="serve"/>, then sends close_notify when the connection is TLS.</summary>
    /// <remarks>Call only once the front-end has flushed and completed its output, as <paramref name="serve"/> does. On a plain connection <paramref name="serve"/> itself is returned: no state machine
    /// is held for the connection's life (docs/benchmarks.md, fix 12). TLS has completed its
    /// handshake before the handler runs, so the feature is there from the start.</remarks>
    public static Task ServeAsync(ConnectionContext connection, Task serve) =>
        connection.Features.Get<ISslStreamFeature>() is { } tls ? ServeThenCloseAsync(tls, serve) : serve;

    private static async Task ServeThenCloseAsync(ISslStreamFeature tls, Task serve)
    {
        await serve;
        if (tls.SslStream is not { } ssl)
            return;
        try
        {
            await ssl.ShutdownAsync().WaitAsync(Budget);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or TimeoutException or InvalidOperationException)
        {
            // The peer went first or is gone: nothing left to tell it.
        }
    }
}

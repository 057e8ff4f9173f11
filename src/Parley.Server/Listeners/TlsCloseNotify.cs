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
    /// <remarks>Call only once the front-end has flushed and completed its output, as <paramref name="serve"/> does.</remarks>
    public static async Task ServeAsync(ConnectionContext connection, Task serve)
    {
        await serve;
        if (connection.Features.Get<ISslStreamFeature>()?.SslStream is not { } ssl)
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

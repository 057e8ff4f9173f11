using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Parley.Server.Observability;

/// <summary>Kestrel connection middleware that counts a listener's connections in <see cref="ServerMetrics"/>.</summary>
internal static class ConnectionCounting
{
    /// <summary>Adds the counting middleware to <paramref name="listen"/>; add it first, so it sees every accepted connection.</summary>
    public static void Use(ListenOptions listen, ServerMetrics metrics, string listener, string protocol)
    {
        var tags = ListenerTags.For(listener, protocol);
        listen.Use(next => async connection =>
        {
            metrics.Opened(tags);
            try
            {
                await next(connection);
            }
            finally
            {
                metrics.Closed(tags);
            }
        });
    }
}

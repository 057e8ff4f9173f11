using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Connections;
using Parley.Server.Listeners;
using Parley.Server.Tls;
using Parley.Server.Web;

namespace Parley.Server.Hosting;

/// <summary>The Kestrel listeners, one per enabled row of <see cref="ListenerTable"/>.</summary>
public static partial class ParleyServer
{
    // Every row through the same chain: connection limits (first, so a refused connection costs no
    // TLS handshake), TLS and its handshake marker, what it serves, then the registry (the start-up
    // log lines, the ports tests read, the busy-port error).
    private static void ConfigureListeners(KestrelServerOptions kestrel, ParleyOptions options, WebServerOptions web, ListenerRegistry listeners)
    {
        // Kestrel's HTTP limits (only HTTP connections have them): how long a request's headers
        // and an idle keep-alive connection may take. Its minimum data rates stay at their
        // defaults (240 B/s after a 5 s grace, request body and response), which drop a trickle.
        kestrel.Limits.RequestHeadersTimeout = web.RequestHeadersTimeout;
        kestrel.Limits.KeepAliveTimeout = web.KeepAliveTimeout;

        // Each host resolved once, in table order: Parley:Host (a row of it is always enabled)
        // before Parley:Http:Host, so a bad host fails the start as it always did.
        var addresses = new Dictionary<string, IPAddress>(StringComparer.Ordinal);
        foreach (var listener in ListenerTable.All)
        {
            if (!listener.IsEnabled(options))
                continue;
            var host = listener.Host(options);
            if (!addresses.TryGetValue(host, out var address))
                addresses[host] = address = ResolveAddress(host);
            // One certificate source for every TLS listener: one certificate, one reload.
            var certificates = listener.Tls ? kestrel.ApplicationServices.GetRequiredService<ServerCertificateSource>() : null;
            kestrel.Listen(address, BindPort(listener.Port(options)), listen =>
            {
                ConnectionLimitMiddleware.UseBeforeTls(listen, listener.Name, listener.Protocol, listener.RefusalLine, listener.Tls, listener.Http);
                if (certificates is not null)
                {
                    TlsListener.UseTls(listen, certificates, options.Tls, listener.Http);
                    // The handshake marker the limits' handshake watch reads.
                    ConnectionLimitMiddleware.UseAfterTls(listen);
                }

                listener.Serve(listen);
                listeners.Add(listener.Name, listen);
            });
        }
    }
}

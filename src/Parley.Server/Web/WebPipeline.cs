using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Parley.Server.Web;

/// <summary>
/// The web client's part of the HTTP and HTTPS listeners' pipeline (docs/web.md "Server:
/// listeners, /ws, origin, limits, headers"): the security headers on every response, the static
/// files, the WebSocket middleware and <c>/ws</c>. Mapped before the health and metrics endpoints,
/// so their responses carry the headers too.
/// </summary>
internal static class WebPipeline
{
    /// <summary>Adds the middleware and the <c>/ws</c> endpoint to <paramref name="app"/>.</summary>
    public static void Map(WebApplication app)
    {
        app.Use((context, next) =>
        {
            WebSecurityHeaders.Apply(context);
            return next(context);
        });
        WebStaticFiles.Use(app);
        // Keep-alive and the origin check are per request, in WebSocketEndpoint.
        app.UseWebSockets();
        var endpoint = app.Services.GetRequiredService<WebSocketEndpoint>();
        app.Map(WebSocketEndpoint.Path, endpoint.HandleAsync);
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parley.Core.Storage;
using Parley.Server.Tls;

namespace Parley.Server.Observability;

/// <summary>
/// The operator's HTTP endpoints on the server's ASP.NET Core pipeline: <c>/healthz</c> (the
/// process answers), <c>/readyz</c> (listening and the store takes writes) and <c>/metrics</c>
/// (Prometheus text, loopback and trusted networks only).
/// </summary>
internal static class HttpEndpoints
{
    /// <summary>Path of the Prometheus scrape endpoint.</summary>
    public const string MetricsPath = "/metrics";

    // A readiness probe that waits longer than this for the store reports it not ready.
    private static readonly TimeSpan StoreProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Adds the endpoints and the guard of <c>/metrics</c> to <paramref name="app"/>.</summary>
    public static void Map(WebApplication app)
    {
        var trusted = app.Services.GetRequiredService<TrustedNetworkList>();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var store = app.Services.GetRequiredService<IStoreHealth>();

        // Before the endpoint runs: the metrics say how busy the server is and who is on it, which
        // is not for the world once the listener serves the web client.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(MetricsPath) && !trusted.Contains(context.Connection.RemoteIpAddress))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("metrics are served to loopback and Parley:Tls:TrustedNetworks only\n");
                return;
            }

            await next(context);
        });

        app.MapPrometheusScrapingEndpoint(MetricsPath);
        app.Map("/healthz", context => PlainAsync(context, HttpStatusCode.OK, "ok"));
        app.Map("/readyz", async context =>
        {
            var started = lifetime.ApplicationStarted.IsCancellationRequested;
            if (!started || lifetime.ApplicationStopping.IsCancellationRequested)
            {
                await PlainAsync(context, HttpStatusCode.ServiceUnavailable, started ? "stopping" : "starting");
                return;
            }

            try
            {
                await store.CheckWritableAsync(context.RequestAborted).WaitAsync(StoreProbeTimeout, context.RequestAborted);
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
            {
                await PlainAsync(context, HttpStatusCode.ServiceUnavailable, "store not writable: " + e.GetType().Name);
                return;
            }

            await PlainAsync(context, HttpStatusCode.OK, "ready");
        });
    }

    private static Task PlainAsync(HttpContext context, HttpStatusCode status, string text)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text + "\n");
    }
}

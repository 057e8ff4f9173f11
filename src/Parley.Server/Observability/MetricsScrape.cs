using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Parley.Server.Observability;

/// <summary>
/// Reads the server's own <c>/metrics</c> exposition in the process, through the endpoint the
/// HTTP listener serves (the Prometheus exporter), so an operator's <c>/stats</c> shows exactly
/// what a scrape and <c>parley-server stats</c> show, also when the HTTP listener is off.
/// </summary>
/// <remarks>Thread-safe: each read is one request to the exporter, which serialises its collections.</remarks>
internal sealed class MetricsScrape(IEndpointRouteBuilder endpoints)
{
    /// <summary>The exposition in Prometheus text format.</summary>
    /// <exception cref="InvalidOperationException">The <c>/metrics</c> endpoint is not mapped, or it did not answer 200.</exception>
    public async Task<string> ReadAsync(CancellationToken cancellationToken = default)
    {
        var endpoint = endpoints.DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .FirstOrDefault(e => e.RoutePattern.RawText == HttpEndpoints.MetricsPath && e.RequestDelegate is not null)
            ?? throw new InvalidOperationException($"no {HttpEndpoints.MetricsPath} endpoint is mapped");
        var context = new DefaultHttpContext { RequestServices = endpoints.ServiceProvider, RequestAborted = cancellationToken };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = HttpEndpoints.MetricsPath;
        using var body = new MemoryStream();
        context.Response.Body = body;
        await endpoint.RequestDelegate!(context);
        if (context.Response.StatusCode != StatusCodes.Status200OK)
            throw new InvalidOperationException($"{HttpEndpoints.MetricsPath} answered {context.Response.StatusCode}");
        return Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
    }
}

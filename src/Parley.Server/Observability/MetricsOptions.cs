namespace Parley.Server.Observability;

/// <summary>Where metrics go besides <c>/metrics</c>, bound from <c>Parley:Metrics</c>.</summary>
public sealed record MetricsOptions
{
    /// <summary>
    /// An OpenTelemetry collector's OTLP endpoint (e.g. <c>http://localhost:4317</c> for gRPC);
    /// null (the default) exports nothing by OTLP. The standard <c>OTEL_EXPORTER_OTLP_*</c>
    /// environment variables tune the exporter further.
    /// </summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentException">The endpoint is not an absolute http(s) URI.</exception>
    public void Validate()
    {
        if (OtlpEndpoint is { } endpoint
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            throw new ArgumentException($"Parley:Metrics:OtlpEndpoint is '{endpoint}': allowed is an absolute http:// or https:// URI", "Metrics:OtlpEndpoint");
    }
}

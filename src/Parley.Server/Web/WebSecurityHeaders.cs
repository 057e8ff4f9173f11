using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Parley.Server.Web;

/// <summary>
/// The headers every response of the HTTP and HTTPS listeners carries: a Content Security Policy
/// that allows the web client's own scripts, styles and WebSocket and nothing else, no MIME
/// sniffing, no referrer, no framing, and HSTS on HTTPS.
/// </summary>
/// <remarks>
/// <c>connect-src 'self'</c> covers the page's own <c>ws:</c>/<c>wss:</c> origin (CSP Level 3,
/// "'self' matches ws and wss of the same host and port"; Chromium and Firefox follow it), so no
/// <c>ws:</c> wildcard is needed. HSTS is only meaningful over HTTPS (RFC 6797 §7.2: a UA ignores it
/// over plain HTTP), and has no <c>includeSubDomains</c>: the server cannot know the rest of the
/// domain serves HTTPS. Header values are made once; setting them allocates nothing per request.
/// </remarks>
internal static class WebSecurityHeaders
{
    /// <summary>The Content-Security-Policy sent.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>The Strict-Transport-Security sent over HTTPS: one year.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    private static readonly StringValues Csp = ContentSecurityPolicy;
    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues NoReferrer = "no-referrer";
    private static readonly StringValues Deny = "DENY";
    private static readonly StringValues Hsts = StrictTransportSecurity;

    /// <summary>Sets the headers on <paramref name="context"/>'s response, before anything is written.</summary>
    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = Csp;
        headers[HeaderNames.XContentTypeOptions] = NoSniff;
        headers[HeaderNames.XFrameOptions] = Deny;
        headers["Referrer-Policy"] = NoReferrer;
        if (context.Request.IsHttps)
            headers[HeaderNames.StrictTransportSecurity] = Hsts;
    }
}

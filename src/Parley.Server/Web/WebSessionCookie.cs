using Microsoft.AspNetCore.Http;

namespace Parley.Server.Web;

/// <summary>
/// The <c>parley_session</c> cookie (RFC 6265): the web session's token, <c>HttpOnly</c> (no script
/// reads it), <c>SameSite=Strict</c> (no other site's page sends it), <c>Path=/</c>, a
/// <c>Max-Age</c> of the session's remaining lifetime, and <c>Secure</c> over HTTPS.
/// </summary>
/// <remarks>
/// Over plain HTTP the cookie cannot be <c>Secure</c>: a browser drops a Secure cookie set over
/// http:// (RFC 6265bis §5.7, except on localhost), and plain HTTP is only offered a password from
/// loopback or a trusted network (<see cref="Core.Security.LoginTransportPolicy"/>), where the
/// token crosses no untrusted network either. Stateless and thread-safe.
/// </remarks>
internal static class WebSessionCookie
{
    /// <summary>The cookie's name.</summary>
    public const string Name = "parley_session";

    /// <summary>The token the request's cookie carries, or null.</summary>
    public static string? Read(HttpRequest request) => request.Cookies[Name];

    /// <summary>Sets the cookie to <paramref name="token"/> until <paramref name="expiresUtc"/>.</summary>
    public static void Set(HttpContext context, string token, DateTimeOffset expiresUtc, DateTimeOffset nowUtc)
    {
        var options = Options(context);
        // Whole seconds, rounded up: the browser's copy must not end before the session does.
        options.MaxAge = expiresUtc > nowUtc ? TimeSpan.FromSeconds(Math.Ceiling((expiresUtc - nowUtc).TotalSeconds)) : TimeSpan.Zero;
        context.Response.Cookies.Append(Name, token, options);
    }

    /// <summary>Tells the browser to forget the cookie (an expiry in the past, same path and attributes).</summary>
    public static void Clear(HttpContext context) => context.Response.Cookies.Delete(Name, Options(context));

    private static CookieOptions Options(HttpContext context) => new()
    {
        Path = "/",
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        IsEssential = true,
    };
}

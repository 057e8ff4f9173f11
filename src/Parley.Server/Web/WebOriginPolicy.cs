using System.Collections.Frozen;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Parley.Server.Web;

/// <summary>
/// Which browser pages may use the server's web endpoints (<c>/ws</c>; the sign-in API's POST and
/// DELETE): a request's <c>Origin</c> header (RFC 6454) must be the server's own origin (scheme,
/// host and port of the request itself) or one of <see cref="WebServerOptions.AllowedOrigins"/>.
/// A request without Origin is allowed (a non-browser client: it has no ambient credentials another
/// site could ride on); <c>Origin: null</c> (a sandboxed or file page) and anything unparsable are refused.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; one per server (a singleton in DI). Origins compare as
/// <c>scheme://host:port</c>, lower-case, default ports made explicit, so
/// <c>https://Chat.example.org</c> equals <c>https://chat.example.org:443</c>.
/// </remarks>
public sealed class WebOriginPolicy
{
    private readonly FrozenSet<string> _allowed;

    /// <summary>Creates the policy from validated options.</summary>
    /// <param name="options">The web options; <see cref="WebServerOptions.AllowedOrigins"/> already validated.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public WebOriginPolicy(WebServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowed = options.AllowedOrigins.Select(Normalise).OfType<string>().ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="request"/> may proceed: no Origin, its own origin, or an allowed one.</summary>
    /// <param name="request">The request (its <c>Origin</c> and <c>Host</c> headers and scheme).</param>
    /// <returns>False for a foreign, <c>null</c>, repeated or unparsable Origin.</returns>
    public bool IsAllowed(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origins = request.Headers[HeaderNames.Origin];
        if (origins.Count == 0)
            return true;
        if (origins.Count > 1 || Normalise(origins[0]) is not { } origin)
            return false;
        if (_allowed.Contains(origin))
            return true;
        return request.Host.HasValue && string.Equals(origin, Normalise(request.Scheme + "://" + request.Host.Value), StringComparison.Ordinal);
    }

    /// <summary>
    /// An origin as <c>scheme://host:port</c> (lower-case, the default port explicit), or null when
    /// <paramref name="origin"/> is not http(s) with a host and no path, query or user.
    /// </summary>
    /// <param name="origin">An Origin header's value or a configured origin.</param>
    public static string? Normalise(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin) || !Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri))
            return null;
        if (uri.Scheme is not ("http" or "https") || uri.Host.Length == 0 || uri.UserInfo.Length > 0
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return null;
        return string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}:{uri.Port}");
    }
}

using Microsoft.Extensions.Configuration;

namespace Parley.Server.Web;

/// <summary>
/// The web side of the HTTP and HTTPS listeners (section <c>Parley:Web</c>): which page origins
/// may open <c>/ws</c> (and, through <see cref="WebOriginPolicy"/>, post to the sign-in API), the
/// WebSocket keep-alive, the per-address caps on raw HTTP connections and Kestrel's HTTP timeouts
/// (docs/web.md "Limits", docs/security.md).
/// </summary>
public sealed record WebServerOptions
{
    /// <summary>Configuration section name, shared with the web sessions' settings.</summary>
    public const string SectionName = "Parley:Web";

    /// <summary>
    /// Origins besides the server's own that may open <c>/ws</c> and use the sign-in API, each
    /// <c>scheme://host[:port]</c> (<c>https://chat.example.org</c>). Defaults to none: same origin
    /// only (the Origin header's scheme, host and port equal the request's own). A request with no
    /// Origin header (not a browser) is allowed: Origin protects browsers' ambient credentials
    /// from other sites' pages, and a non-browser client has none to misuse.
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>
    /// How often an idle WebSocket is sent a ping (RFC 6455 §5.5.2); a peer that has not answered
    /// with a pong one interval later is dropped. Defaults to 30 s; 0 turns it off (IRC's own
    /// PING liveness still runs).
    /// </summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the server waits for a peer's close frame after sending its own, before it closes
    /// the TCP connection (RFC 6455 §7.1.1). Defaults to 2 s.
    /// </summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// TCP connections open at once from one address (IPv4, or IPv6 /64) to the HTTP and HTTPS
    /// listeners together, whatever they carry: page loads, the sign-in API, <c>/ws</c>. Defaults
    /// to 32 (a browser opens up to 6 per page, and each tab's WebSocket keeps one). 0 turns it off.
    /// Apart from <c>Parley:Limits:MaxConnectionsPerAddress</c>, which a WebSocket counts against
    /// once, as a chat connection, at its upgrade: its own HTTP connection never takes a chat place.
    /// The exemptions (<c>Parley:Limits:ExemptLoopback</c>, <c>ExemptNetworks</c>) apply.
    /// </summary>
    public int MaxConnectionsPerAddress { get; init; } = 32;

    /// <summary>
    /// New TCP connections from one address to the HTTP and HTTPS listeners within
    /// <c>Parley:Limits:NewConnectionWindow</c> (sliding, default 10 minutes). Defaults to 256:
    /// page loads reuse their connections (keep-alive), reconnects open one each. 0 turns it off.
    /// Refused attempts do not count.
    /// </summary>
    public int MaxNewConnectionsPerAddress { get; init; } = 256;

    /// <summary>
    /// How long a client may take to send a request's headers, from the connection's first byte
    /// or the previous request (Kestrel's <c>RequestHeadersTimeout</c>; its default is 30 s).
    /// Defaults to 10 s: a browser sends them at once, a slowloris holds its connection no longer.
    /// 1 s to 5 minutes.
    /// </summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an idle keep-alive HTTP connection stays open between requests (Kestrel's
    /// <c>KeepAliveTimeout</c>; its default is 130 s). Defaults to 60 s. Not the WebSocket's, which
    /// has <see cref="KeepAliveInterval"/>. 1 s to 1 hour.
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Reads and validates the section from <paramref name="configuration"/>.</summary>
    /// <exception cref="ArgumentException">A value is invalid (one line naming the setting).</exception>
    public static WebServerOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<WebServerOptions>() ?? new WebServerOptions();
        options.Validate();
        return options;
    }

    /// <summary>Checks the values; called at start-up, by <c>--check-config</c> and on a reload.</summary>
    /// <exception cref="ArgumentException">An origin is not <c>scheme://host[:port]</c>, or a number or time is out of range.</exception>
    public void Validate()
    {
        for (var i = 0; i < AllowedOrigins.Count; i++)
        {
            if (WebOriginPolicy.Normalise(AllowedOrigins[i]) is null)
                throw new ArgumentException($"Parley:Web:AllowedOrigins:{i} is '{AllowedOrigins[i]}': give scheme://host[:port] with http or https and no path, e.g. https://chat.example.org", "Web:AllowedOrigins");
        }

        if (KeepAliveInterval < TimeSpan.Zero)
            throw new ArgumentException($"Parley:Web:KeepAliveInterval is {KeepAliveInterval}: allowed are 0 (off) or a positive time, e.g. 00:00:30", "Web:KeepAliveInterval");
        if (CloseTimeout < TimeSpan.Zero)
            throw new ArgumentException($"Parley:Web:CloseTimeout is {CloseTimeout}: allowed are 0 or a positive time, e.g. 00:00:02", "Web:CloseTimeout");
        if (MaxConnectionsPerAddress < 0)
            throw new ArgumentException($"Parley:Web:MaxConnectionsPerAddress is {MaxConnectionsPerAddress}: allowed are 0 (off) or a positive number, e.g. 32", "Web:MaxConnectionsPerAddress");
        if (MaxNewConnectionsPerAddress < 0)
            throw new ArgumentException($"Parley:Web:MaxNewConnectionsPerAddress is {MaxNewConnectionsPerAddress}: allowed are 0 (off) or a positive number, e.g. 256", "Web:MaxNewConnectionsPerAddress");
        if (RequestHeadersTimeout < TimeSpan.FromSeconds(1) || RequestHeadersTimeout > TimeSpan.FromMinutes(5))
            throw new ArgumentException($"Parley:Web:RequestHeadersTimeout is {RequestHeadersTimeout}: allowed are 00:00:01 to 00:05:00, e.g. 00:00:10", "Web:RequestHeadersTimeout");
        if (KeepAliveTimeout < TimeSpan.FromSeconds(1) || KeepAliveTimeout > TimeSpan.FromHours(1))
            throw new ArgumentException($"Parley:Web:KeepAliveTimeout is {KeepAliveTimeout}: allowed are 00:00:01 to 01:00:00, e.g. 00:01:00", "Web:KeepAliveTimeout");
    }
}

namespace Parley.Server.Web;

/// <summary>
/// The web side of the HTTP and HTTPS listeners (section <c>Parley:Web</c>): which page origins
/// may open <c>/ws</c> (and, through <see cref="WebOriginPolicy"/>, post to the sign-in API), and
/// the WebSocket keep-alive.
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

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentException">An origin is not <c>scheme://host[:port]</c>, or a time is negative.</exception>
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
    }
}

namespace Parley.Core.Accounts;

/// <summary>The browsers' sign-in sessions (configuration section <c>Parley:Web</c>, shared with the web listener's settings).</summary>
public sealed record WebSessionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Parley:Web";

    /// <summary>The longest lifetime allowed: 400 days, the most a browser keeps a cookie (RFC 6265bis §5.5, Chromium's cap).</summary>
    public static readonly TimeSpan MaxSessionLifetime = TimeSpan.FromDays(400);

    /// <summary>
    /// How long a web session proves its account after its last use (<c>Parley:Web:SessionLifetime</c>).
    /// Defaults to 30 days. Sliding: each use (a page load's <c>GET /api/session</c>, a WebSocket
    /// upgrade) moves the expiry to that use plus this, recorded at most once per
    /// <see cref="TouchInterval"/>; so a browser used at least once a month stays signed in, and one
    /// left alone for longer signs in again. A password change or sign-out ends it at once.
    /// 1 minute to 400 days.
    /// </summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The largest <see cref="MaxSessionsPerAccount"/> allowed.</summary>
    public const int MaxSessionsPerAccountLimit = 10_000;

    /// <summary>
    /// Web sessions one account may hold at once (<c>Parley:Web:MaxSessionsPerAccount</c>): a
    /// sign-in beyond it revokes the sessions used longest ago (and closes their WebSockets), so a
    /// script signing in over and over cannot grow the store without bound. Defaults to 50 (a
    /// browser per device, with room for forgotten ones). 1 to 10,000.
    /// </summary>
    public int MaxSessionsPerAccount { get; init; } = 50;

    /// <summary>
    /// Uses closer together than this record nothing (the expiry moves with the next use after it):
    /// 5 minutes, so a reload storm is not a write storm. Not configurable.
    /// </summary>
    public static TimeSpan TouchInterval { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentException"><see cref="SessionLifetime"/> or <see cref="MaxSessionsPerAccount"/> is out of range.</exception>
    public void Validate()
    {
        if (SessionLifetime < TimeSpan.FromMinutes(1) || SessionLifetime > MaxSessionLifetime)
        {
            throw new ArgumentException(
                $"Parley:Web:SessionLifetime is {SessionLifetime}: allowed are 00:01:00 (1 minute) to 400.00:00:00 (400 days), e.g. 30.00:00:00",
                "Web:SessionLifetime");
        }

        if (MaxSessionsPerAccount is < 1 or > MaxSessionsPerAccountLimit)
        {
            throw new ArgumentException(
                $"Parley:Web:MaxSessionsPerAccount is {MaxSessionsPerAccount}: allowed are 1 to 10000, e.g. 50",
                "Web:MaxSessionsPerAccount");
        }
    }
}

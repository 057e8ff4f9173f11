using Parley.FrontEnds.Irc.Commands;

namespace Parley.FrontEnds.Irc;

/// <summary>The IRC front-end's settings, bound from the configuration section <c>Parley:Irc</c> (docs/irc.md).</summary>
public sealed record IrcOptions
{
    private static readonly System.Buffers.SearchValues<char> NotInServerName = System.Buffers.SearchValues.Create(" !@:,*\r\n\0");

    /// <summary>
    /// TCP port of plain IRC. Defaults to 6667, IRC's customary port. 0 turns the listener off;
    /// -1 binds any free port (tests), which is logged.
    /// </summary>
    public int Port { get; init; } = 6667;

    /// <summary>
    /// TCP port of IRC over TLS, with the certificate of <c>Parley:Tls</c>. Defaults to 6697
    /// (RFC 7194). 0 turns the listener off; -1 binds any free port (tests).
    /// </summary>
    public int TlsPort { get; init; } = 6697;

    /// <summary>
    /// The server's name in IRC: the source of numerics and server notices. Defaults to
    /// <c>parley</c>. One word without spaces, <c>!</c> or <c>@</c> (clients tell it from a nick
    /// by those).
    /// </summary>
    public string ServerName { get; init; } = "parley";

    /// <summary>The network's name, advertised as <c>NETWORK=</c> and in the welcome. Defaults to <c>Parley</c>; one word.</summary>
    public string NetworkName { get; init; } = "Parley";

    /// <summary>
    /// The message of the day, lines separated by LF; null or empty (the default) answers
    /// <c>422 MOTD File is missing</c>.
    /// </summary>
    public string? Motd { get; init; }

    /// <summary>How to reach the server's administrator (an address or URL), shown by <c>ADMIN</c> (259). Defaults to none.</summary>
    public string? AdminContact { get; init; }

    /// <summary>
    /// How long a client may send nothing before the server sends it a <c>PING</c>. Defaults to
    /// 90 s, as common servers (Ergo: 90 s); must be positive.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// How long, after that <c>PING</c>, the client may still send nothing before it is
    /// disconnected with "Ping timeout". Defaults to 60 s; must be positive.
    /// </summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The server password (RFC 2812 §3.1.1 <c>PASS</c>) for a private server: every IRC client must
    /// send it with <c>PASS</c> before registering, or gets <c>464</c> and is closed. Null or empty
    /// (the default) means none, and <c>PASS</c> is then an account's password. Distinct from
    /// account passwords; with both, <c>PASS &lt;server password&gt;:&lt;account password&gt;</c>.
    /// </summary>
    public string? Password { get; init; }

    /// <summary>
    /// How many of a channel's latest messages a client that did not negotiate
    /// <c>draft/chathistory</c> gets after its JOIN (Ergo's <c>autoreplay-on-join</c>), so web and
    /// older clients do not join blind. Defaults to 25; 0 turns it off; at most 100. They come as the
    /// PRIVMSGs they were, with <c>server-time</c> where negotiated, in a <c>chathistory</c> batch
    /// with <c>batch</c>.
    /// </summary>
    public int AutoReplayOnJoin { get; init; } = 25;

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentException">A value is out of range or malformed.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, -1, "Irc:Port");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, "Irc:Port");
        ArgumentOutOfRangeException.ThrowIfLessThan(TlsPort, -1, "Irc:TlsPort");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(TlsPort, 65535, "Irc:TlsPort");
        if (string.IsNullOrWhiteSpace(ServerName) || ServerName.AsSpan().ContainsAny(NotInServerName))
            throw new ArgumentException($"Parley:Irc:ServerName '{ServerName}' must be one word without ! @ : , *", "Irc:ServerName");
        if (string.IsNullOrWhiteSpace(NetworkName) || NetworkName.AsSpan().IndexOfAny(" \r\n\0") >= 0)
            throw new ArgumentException($"Parley:Irc:NetworkName '{NetworkName}' must be one word", "Irc:NetworkName");
        if (Password is { Length: > 0 } password && password.AsSpan().IndexOfAny(" \r\n\0") >= 0)
            throw new ArgumentException("Parley:Irc:Password must be one word (no spaces or line breaks)", "Irc:Password");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IdleTimeout, TimeSpan.Zero, "Irc:IdleTimeout");
        ArgumentOutOfRangeException.ThrowIfNegative(AutoReplayOnJoin, "Irc:AutoReplayOnJoin");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AutoReplayOnJoin, ChatHistoryCommand.MaxLimit, "Irc:AutoReplayOnJoin");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PingTimeout, TimeSpan.Zero, "Irc:PingTimeout");
    }
}

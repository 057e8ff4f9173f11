namespace Parley.FrontEnds.Connections;

/// <summary>Per-connection limits shared by every protocol front-end (configuration section <c>Parley:Limits</c>).</summary>
public sealed record ConnectionLimits
{
    /// <summary>
    /// Bytes that may wait in one connection's outbound queue. Defaults to 1,048,576 (1 MiB),
    /// about 250 full-length lines. A client that lets more pile up is a slow consumer and is
    /// disconnected, so it never delays anyone else. Must be at least 4,097 (one longest line).
    /// </summary>
    public long MaxOutboundBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// How long a connection may stay unregistered before it is closed. Defaults to 60 s.
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables the limit.
    /// </summary>
    public TimeSpan RegistrationTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a registered line connection may send nothing at all (not even an empty line, the
    /// keep-alive) before it is closed with <c>BYE idle timeout</c>. Defaults to zero: off, so an
    /// <c>nc</c> user who only reads is never dropped; dead peers are found by TCP keep-alive
    /// (<see cref="TcpKeepAliveTime"/>). The console client sends an empty line every 60 s, so any
    /// value above 2 minutes is safe for it. IRC has its own PING check (<c>Parley:Irc:IdleTimeout</c>).
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// How long a connection may be silent before the kernel sends TCP keep-alive probes. Defaults
    /// to 60 s; zero turns keep-alive off. With the defaults a peer that vanished (unplugged,
    /// crashed, NAT entry dropped) is found and disconnected in about 2 minutes (60 s + 4 x 15 s),
    /// while a live peer's kernel answers the probes, whatever its user does.
    /// </summary>
    public TimeSpan TcpKeepAliveTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Time between unanswered keep-alive probes. Defaults to 15 s.</summary>
    public TimeSpan TcpKeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Unanswered probes before the connection is reset. Defaults to 4.</summary>
    public int TcpKeepAliveProbes { get; init; } = 4;

    /// <summary>Flood control per connection (<c>Parley:Limits:Flood</c>); see <see cref="FloodOptions"/>.</summary>
    public FloodOptions Flood { get; init; } = new();

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOutboundBytes, 4097, nameof(MaxOutboundBytes));
        if (RegistrationTimeout != Timeout.InfiniteTimeSpan && RegistrationTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(RegistrationTimeout), RegistrationTimeout, "must be positive or infinite");
        ArgumentOutOfRangeException.ThrowIfLessThan(IdleTimeout, TimeSpan.Zero, nameof(IdleTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(TcpKeepAliveTime, TimeSpan.Zero, nameof(TcpKeepAliveTime));
        ArgumentOutOfRangeException.ThrowIfLessThan(TcpKeepAliveInterval, TimeSpan.FromSeconds(1), nameof(TcpKeepAliveInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(TcpKeepAliveProbes, 1, nameof(TcpKeepAliveProbes));
        ArgumentNullException.ThrowIfNull(Flood, nameof(Flood));
        Flood.Validate();
    }
}

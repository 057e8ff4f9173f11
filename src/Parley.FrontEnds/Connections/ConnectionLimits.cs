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

    /// <summary>Flood control per connection (<c>Parley:Limits:Flood</c>); see <see cref="FloodOptions"/>.</summary>
    public FloodOptions Flood { get; init; } = new();

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOutboundBytes, 4097, nameof(MaxOutboundBytes));
        if (RegistrationTimeout != Timeout.InfiniteTimeSpan && RegistrationTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(RegistrationTimeout), RegistrationTimeout, "must be positive or infinite");
        ArgumentNullException.ThrowIfNull(Flood, nameof(Flood));
        Flood.Validate();
    }
}

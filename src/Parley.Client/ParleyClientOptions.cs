namespace Parley.Client;

/// <summary>
/// Where and how <see cref="ParleyConnection"/> connects. Immutable; validated by
/// <see cref="ParleyConnection.ConnectAsync(ParleyClientOptions, CancellationToken)"/>.
/// </summary>
public sealed record ParleyClientOptions
{
    /// <summary>Host name or IP address of the server. Defaults to <c>127.0.0.1</c>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The server's default plain port: 55,555, the seeds' port.</summary>
    public const int DefaultPort = 55555;

    /// <summary>The server's default TLS port: 55,556.</summary>
    public const int DefaultTlsPort = 55556;

    /// <summary>TCP port of the server, 1 to 65,535. Defaults to 55,555 (<see cref="DefaultPort"/>), the seeds' port.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>
    /// TLS settings; <see langword="null"/> (the default) connects in plain text. The port does not
    /// imply TLS here: set this for <see cref="DefaultTlsPort"/>.
    /// </summary>
    public ParleyTlsOptions? Tls { get; init; }

    /// <summary>
    /// How long to wait for the TCP connection, the TLS handshake and the server's <c>HELLO</c> together.
    /// Defaults to 10 seconds; <see cref="Timeout.InfiniteTimeSpan"/> waits for ever.
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest server line accepted, in bytes of UTF-8 without the LF. Defaults to 65,536
    /// (64 KiB): sixteen times the protocol's 4,096-byte line, room for a long <c>USERS</c> line.
    /// A longer line means a broken or hostile server: the connection is closed.
    /// </summary>
    public int MaxLineBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// How many unsolicited lines (<see cref="ParleyConnection.Incoming"/>) are buffered for a reader
    /// that falls behind. Defaults to 10,000 lines; when full, the oldest line is dropped and counted
    /// in <see cref="ParleyConnection.DroppedIncomingCount"/>, so replies to commands never stall.
    /// </summary>
    public int IncomingCapacity { get; init; } = 10_000;

    /// <summary>
    /// How often an empty line (the protocol's keep-alive; the server answers nothing) is sent, so
    /// a server with an idle limit (<c>Parley:Limits:IdleTimeout</c>) keeps a client whose user only
    /// reads. Defaults to 60 seconds; <see cref="Timeout.InfiniteTimeSpan"/> sends none.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock for <see cref="KeepAliveInterval"/>. Defaults to <see cref="TimeProvider.System"/>; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (KeepAliveInterval != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(KeepAliveInterval, TimeSpan.Zero, nameof(KeepAliveInterval));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentException.ThrowIfNullOrWhiteSpace(Host, nameof(Host));
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        if (ConnectTimeout != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineBytes, 64, nameof(MaxLineBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(IncomingCapacity, 1, nameof(IncomingCapacity));
    }
}

using Parley.Core.Accounts;
using Parley.FrontEnds.Connections;
using Parley.Storage.Sqlite;

namespace Parley.Server.Hosting;

/// <summary>The server's settings, bound from the configuration section <c>Parley</c>.</summary>
public sealed record ParleyOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Parley";

    /// <summary>
    /// Address the listeners bind: an IP address, <c>localhost</c>, or a host name.
    /// Defaults to 127.0.0.1 (loopback only); use 0.0.0.0 or :: to serve other machines.
    /// </summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>
    /// TCP port of the line protocol. Defaults to 55555, the seeds' port. 0 picks a free port
    /// (tests); the bound port is logged.
    /// </summary>
    public int Port { get; init; } = 55555;

    /// <summary>
    /// How long a stopping server waits for connections to close after telling them, before it
    /// drops them. Defaults to 5 s.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-connection limits.</summary>
    public ConnectionLimits Limits { get; init; } = new();

    /// <summary>Accounts, guests and login limits (section <c>Parley:Accounts</c>).</summary>
    public AccountOptions Accounts { get; init; } = new();

    /// <summary>Where data lives and how it is committed (section <c>Parley:Storage</c>).</summary>
    public SqliteStoreOptions Storage { get; init; } = new();

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentException">A value is out of range or empty.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Host, nameof(Host));
        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfLessThan(ShutdownTimeout, TimeSpan.Zero, nameof(ShutdownTimeout));
        Limits.Validate();
        Accounts.Validate();
        Storage.Validate();
    }
}

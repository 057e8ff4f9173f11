using System.IO.Pipelines;
using Microsoft.Extensions.Logging;
using Parley.Core.Accounts;
using Parley.Core.Presence;
using Parley.Core.Security;
using Parley.Core.Sessions;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line;

/// <summary>
/// The line protocol's front-end: what every line connection shares (hub, command table, limits,
/// clock, logger). The host hands it each accepted transport.
/// </summary>
/// <remarks>Thread-safe; one instance per server.</remarks>
public sealed class LineFrontEnd : IConnectionHost
{
    private ConnectionLimits _limits;

    /// <summary>Creates the front-end.</summary>
    /// <param name="hub">The chat core.</param>
    /// <param name="accounts">Registration, login and password changes.</param>
    /// <param name="accountOptions">Account settings, already validated.</param>
    /// <param name="loginPolicy">Which connections may carry a password (<c>Parley:Tls:RequireForLogin</c>).</param>
    /// <param name="limits">Per-connection limits, already validated.</param>
    /// <param name="time">Clock for timeouts.</param>
    /// <param name="logger">Logger for connection events.</param>
    public LineFrontEnd(
        ChatHub hub, AccountService accounts, AccountOptions accountOptions, LoginTransportPolicy loginPolicy,
        ConnectionLimits limits, TimeProvider time, ILogger<LineFrontEnd> logger)
    {
        Hub = hub;
        Accounts = accounts;
        AccountOptions = accountOptions;
        LoginPolicy = loginPolicy;
        _limits = limits;
        Time = time;
        Logger = logger;
    }

    internal ChatHub Hub { get; }

    ChatHub IConnectionHost.Hub => Hub;

    TimeProvider IConnectionHost.Time => Time;

    ILogger IConnectionHost.Logger => Logger;

    internal AccountService Accounts { get; }

    internal AccountOptions AccountOptions { get; }

    internal LoginTransportPolicy LoginPolicy { get; }

    /// <summary>The per-connection limits in force; a connection reads them when it starts (<see cref="SetLimits"/>).</summary>
    public ConnectionLimits Limits => Volatile.Read(ref _limits);

    /// <summary>
    /// Replaces the per-connection limits (a configuration reload). Connections accepted after it
    /// get the new flood rates, outbound budget, registration timeout and keep-alive; the idle
    /// limit applies to connections that register after it. Open connections keep what they
    /// started with. Thread-safe.
    /// </summary>
    /// <param name="limits">The new limits, already validated.</param>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public void SetLimits(ConnectionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Volatile.Write(ref _limits, limits);
    }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal LineCommandTable Commands { get; } = LineCommandTable.CreateDefault();

    internal byte[] Greeting { get; } = LineWriter.Hello(
        $"Parley {typeof(LineFrontEnd).Assembly.GetName().Version?.ToString(2)}: pick a nick with #<nick>, or log in with #<nick> <password>; /help lists commands");

    /// <summary>
    /// The one line a connection refused before it is served gets (by the host's connection limits):
    /// <c>BYE &lt;reason&gt;</c>, the reason in lower case as the line protocol's other texts.
    /// </summary>
    /// <param name="reason">Why, e.g. "Too many connections from your address".</param>
    /// <returns>The encoded line, LF included.</returns>
    public static byte[] RefusalLine(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return LineWriter.Bye(char.ToLowerInvariant(reason[0]) + reason[1..]);
    }

    /// <summary>Serves one accepted connection until it closes.</summary>
    /// <param name="transport">The connection's duplex pipe (Kestrel's, or an in-memory one in tests).</param>
    /// <param name="remoteAddress">The peer's address, for logs.</param>
    /// <param name="abort">Drops the transport at once (used for slow consumers).</param>
    /// <param name="cancellationToken">Cancels reading, e.g. when the transport is gone.</param>
    /// <returns>A task that completes when the connection is closed and cleaned up.</returns>
    /// <remarks>The session's security context is <see cref="ConnectionSecurity.Unknown"/> (plain, untrusted).</remarks>
    public Task RunConnectionAsync(IDuplexPipe transport, string remoteAddress, Action abort, CancellationToken cancellationToken = default) =>
        RunConnectionAsync(transport, remoteAddress, ConnectionSecurity.Unknown, abort, cancellationToken);

    /// <summary>Serves one accepted connection whose transport security is known until it closes.</summary>
    /// <param name="transport">The connection's duplex pipe, already decrypted when it is TLS.</param>
    /// <param name="remoteAddress">The peer's address, for logs.</param>
    /// <param name="security">TLS, client certificate and network trust, for the session.</param>
    /// <param name="abort">Drops the transport at once (used for slow consumers).</param>
    /// <param name="cancellationToken">Cancels reading, e.g. when the transport is gone.</param>
    /// <returns>A task that completes when the connection is closed and cleaned up.</returns>
    public Task RunConnectionAsync(
        IDuplexPipe transport, string remoteAddress, ConnectionSecurity security, Action abort, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(abort);
        return RunConnectionAsync(new LinePipeTransport(transport, abort), remoteAddress, security, cancellationToken);
    }

    /// <summary>Serves one connection over any frame transport (a byte stream's, or one message per line) until it closes.</summary>
    /// <param name="transport">The connection's frames.</param>
    /// <param name="remoteAddress">The peer's address, for logs.</param>
    /// <param name="security">TLS, client certificate and network trust, for the session.</param>
    /// <param name="cancellationToken">Cancels reading, e.g. when the transport is gone.</param>
    /// <returns>A task that completes when the connection is closed and cleaned up.</returns>
    internal Task RunConnectionAsync(FrameTransport transport, string remoteAddress, ConnectionSecurity security, CancellationToken cancellationToken = default) =>
        new LineConnection(transport, this).RunAsync(remoteAddress, security, cancellationToken);
}

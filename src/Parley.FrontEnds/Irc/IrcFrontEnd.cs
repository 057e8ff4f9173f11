using System.Globalization;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;
using Parley.Core.Accounts;
using Parley.Core.Presence;
using Parley.Core.Security;
using Parley.Core.Sessions;
using Parley.FrontEnds.Connections;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// The IRC front-end: what every IRC connection shares (hub, command table, encoders, options,
/// clock, logger). The host hands it each accepted transport, plain or TLS.
/// </summary>
/// <remarks>Thread-safe; one instance per server.</remarks>
public sealed class IrcFrontEnd : IConnectionHost
{
    private readonly IrcEventEncoder[] _encoders;
    private ConnectionLimits _limits;
    private int _invisible;
    private int _maxUsers;

    /// <summary>Creates the front-end.</summary>
    /// <param name="hub">The chat core, shared with the other protocols (one nick space).</param>
    /// <param name="accounts">Login with PASS at registration.</param>
    /// <param name="loginPolicy">Which connections may carry a password (<c>Parley:Tls:RequireForLogin</c>).</param>
    /// <param name="limits">Per-connection limits, already validated.</param>
    /// <param name="options">IRC settings, already validated.</param>
    /// <param name="time">Clock for timeouts.</param>
    /// <param name="logger">Logger for connection events.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IrcFrontEnd(
        ChatHub hub, AccountService accounts, LoginTransportPolicy loginPolicy, ConnectionLimits limits, IrcOptions options,
        TimeProvider time, ILogger<IrcFrontEnd> logger)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(loginPolicy);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        Hub = hub;
        Accounts = accounts;
        LoginPolicy = loginPolicy;
        _limits = limits;
        Options = options;
        Time = time;
        Logger = logger;
        _encoders = [.. Enumerable.Range(0, (int)IrcEventTags.All + 1).Select(t => new IrcEventEncoder(options.ServerName, (IrcEventTags)t))];
        StartedAt = time.GetUtcNow();
        Welcome = new IrcWelcome(options, hub.Rooms.Limits, hub.Rooms.Options, Version, StartedAt);
    }

    /// <summary>
    /// The one line a connection refused before it is served gets (by the host's connection limits):
    /// <c>ERROR :Closing Link: *[parley] (&lt;reason&gt;)</c>, as ircds close a link.
    /// </summary>
    /// <param name="reason">Why, e.g. "Too many connections from your address".</param>
    /// <returns>The encoded line, CR LF included.</returns>
    public static byte[] RefusalLine(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return Protocols.Irc.IrcMessageFormatter.Format(null, "ERROR", $"Closing Link: *[{ChatSession.CloakedHost}] ({IrcText.ForWire(reason)})");
    }

    internal ChatHub Hub { get; }

    ChatHub IConnectionHost.Hub => Hub;

    TimeProvider IConnectionHost.Time => Time;

    ILogger IConnectionHost.Logger => Logger;

    internal AccountService Accounts { get; }

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

    /// <summary>Where to find IRC over TLS, for the notice that refuses a password on a plain connection.</summary>
    internal string TlsPortHint => Options.TlsPort > 0
        ? "port " + Options.TlsPort.ToString(CultureInfo.InvariantCulture)
        : "the server's IRC TLS port";

    internal IrcOptions Options { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal string ServerName => Options.ServerName;

    internal static string Version { get; } = "parley-" + typeof(IrcFrontEnd).Assembly.GetName().Version?.ToString(3);

    internal IrcCommandTable Commands { get; } = IrcCommandTable.CreateDefault();

    /// <summary>The encoder for one set of tags (one per set, shared by all connections).</summary>
    internal IrcEventEncoder EncoderFor(IrcEventTags tags) => _encoders[(int)tags];

    internal IrcWelcome Welcome { get; }

    /// <summary>Replaces the message of the day (a configuration reload); later MOTD replies and welcomes show it. Thread-safe.</summary>
    /// <param name="motd">Lines separated by LF; null or empty for none (422).</param>
    public void SetMotd(string? motd) => Welcome.SetMotd(motd);
    /// <summary>When the front-end started, UTC (INFO, STATS u).</summary>
    internal DateTimeOffset StartedAt { get; }

    /// <summary>Registered IRC users with user mode +i, for LUSERS.</summary>
    internal int InvisibleCount => Volatile.Read(ref _invisible);

    internal void CountInvisible(int delta) => Interlocked.Add(ref _invisible, delta);

    /// <summary>
    /// Records a user count seen (at each IRC registration and LUSERS) and returns the most seen
    /// since start-up, for 265/266. Lock-free; a cold path.
    /// </summary>
    internal int NoteUserCount(int users)
    {
        var max = Volatile.Read(ref _maxUsers);
        while (users > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxUsers, users, max);
            if (seen == max)
                return users;
            max = seen;
        }

        return max;
    }

    /// <summary>Serves one accepted connection until it closes.</summary>
    /// <param name="transport">The connection's duplex pipe, already decrypted when it is TLS.</param>
    /// <param name="remoteAddress">The peer's address, for logs.</param>
    /// <param name="security">TLS, client certificate and network trust, for the session.</param>
    /// <param name="abort">Drops the transport at once (used for slow consumers).</param>
    /// <param name="cancellationToken">Cancels reading, e.g. when the transport is gone.</param>
    /// <returns>A task that completes when the connection is closed and cleaned up.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Task RunConnectionAsync(
        IDuplexPipe transport, string remoteAddress, ConnectionSecurity security, Action abort, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(abort);
        return RunConnectionAsync(new IrcPipeTransport(transport, abort), remoteAddress, security, cancellationToken);
    }

    /// <summary>
    /// Serves one IRC connection over an accepted WebSocket (IRCv3 websocket: one line per message,
    /// no CR LF; https://ircv3.net/specs/extensions/websocket) until it closes, then waits up to
    /// <paramref name="closeWait"/> for the peer's close frame (RFC 6455 §7.1.1). The same
    /// registration, flood gate, sendq and line limits as IRC over TCP; see
    /// <c>WebSocketFrameTransport</c> for the message bound (over it: 417, then close 1009).
    /// </summary>
    /// <param name="webSocket">The accepted WebSocket, open; the caller disposes it after.</param>
    /// <param name="binary">True when binary.ircv3.net was negotiated: lines are sent as binary messages; otherwise as text.</param>
    /// <param name="remoteAddress">The peer's address and port, for logs, bans and login limits.</param>
    /// <param name="security">TLS (HTTPS), network trust and the web session's account, for the session.</param>
    /// <param name="abort">Drops the HTTP connection at once (used for slow consumers).</param>
    /// <param name="closeWait">How long to wait for the peer's close frame once the connection ended.</param>
    /// <param name="cancellationToken">Cancels reading, e.g. when the HTTP connection is gone.</param>
    /// <returns>A task that completes when the connection is closed and cleaned up; never faults on a transport error.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public async Task RunConnectionAsync(
        System.Net.WebSockets.WebSocket webSocket, bool binary, string remoteAddress, ConnectionSecurity security, Action abort, TimeSpan closeWait,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webSocket);
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(abort);
        var transport = new WebSocketFrameTransport(
            webSocket, binary ? System.Net.WebSockets.WebSocketMessageType.Binary : System.Net.WebSockets.WebSocketMessageType.Text, abort);
        await RunConnectionAsync(transport, remoteAddress, security, cancellationToken);
        await transport.AwaitPeerCloseAsync(closeWait, cancellationToken);
    }

    /// <summary>Serves one connection over any frame transport (a byte stream's, or one message per line: IRCv3 websocket) until it closes.</summary>
    /// <param name="transport">The connection's frames.</param>
    /// <param name="remoteAddress">The peer's address, for logs.</param>
    /// <param name="security">TLS, client certificate and network trust, for the session.</param>
    /// <param name="cancellationToken">Cancels reading, e.g. when the transport is gone.</param>
    /// <returns>A task that completes when the connection is closed and cleaned up.</returns>
    internal Task RunConnectionAsync(FrameTransport transport, string remoteAddress, ConnectionSecurity security, CancellationToken cancellationToken = default) =>
        new IrcConnection(transport, this).RunAsync(remoteAddress, security, cancellationToken);
}

using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Connections.Proxy;
using Parley.Server.Observability;

namespace Parley.Server.Connections;

/// <summary>
/// The one connection middleware in front of every listener, before TLS: reads the PROXY header
/// of connections from a configured load balancer (so what follows sees the client's address),
/// counts it in <see cref="ServerMetrics"/> (open connections per listener, refused ones too),
/// admits or refuses the connection under <see cref="AdmissionOptions"/> (on the HTTP listeners,
/// the raw HTTP connections' own count, <see cref="ConnectionGate.Http"/>), and on TLS listeners
/// logs (at debug) and counts every handshake that does not complete.
/// </summary>
/// <remarks>
/// A refused connection on a plain listener gets its protocol's one-line reason (on HTTP a
/// <c>429</c> or <c>503</c> response), then is closed; on a TLS listener it is closed before the
/// handshake, since writing a reason would mean doing the handshake, the costliest part, for the
/// connection being refused. The HTTP listeners read no PROXY header (docs/web.md: behind a
/// reverse proxy is not supported yet, and a balancer's plain health checks must keep working).
/// One instance per listener; the counts are shared (<see cref="ConnectionGate"/>). Thread-safe.
/// </remarks>
internal sealed class ConnectionLimitMiddleware
{
    private readonly ConnectionDelegate _next;
    private readonly ConnectionGate _gate;
    private readonly ConnectionAdmission _admission;
    private readonly RefusalReporter _refusalLog;
    private readonly string _listener;
    private readonly bool _tls;
    private readonly bool _http;
    private readonly byte[]?[] _refusals;
    private readonly ServerMetrics _counts;
    private readonly ListenerTags _tags;

    private ConnectionLimitMiddleware(
        ConnectionDelegate next, ConnectionGate gate, ServerMetrics counts, string listener, string protocol, Func<string, byte[]>? refusalLine, bool tls, bool http)
    {
        _next = next;
        _gate = gate;
        _counts = counts;
        _tags = ListenerTags.For(listener, protocol);
        _listener = listener;
        _tls = tls;
        _http = http;
        _admission = http ? gate.Http : gate.Admission;
        _refusalLog = http ? gate.HttpRefusals : gate.Refusals;
        // Encoded once per listener: refusing under a flood allocates nothing.
        _refusals = [.. Enum.GetValues<AdmissionVerdict>().Select(v => v == AdmissionVerdict.Admitted || tls ? null : http ? HttpRefusal.Response(v) : refusalLine?.Invoke(Describe(v)))];
    }

    /// <summary>
    /// Puts the middleware in front of <paramref name="listen"/>'s other middleware. Call it first,
    /// before <c>UseHttps</c>; on a TLS listener call <see cref="UseAfterTls"/> right after it.
    /// </summary>
    /// <param name="listen">The listener.</param>
    /// <param name="listener">Its protocol name, for logs and metrics (<c>line</c>, <c>ircs</c>...).</param>
    /// <param name="protocol">The protocol it serves (<c>line</c> or <c>irc</c>), for the open-connection counts.</param>
    /// <param name="refusalLine">The protocol's last line for a refused connection, from its reason; null when there is none (TLS, HTTP).</param>
    /// <param name="tls">Whether TLS follows, so handshakes are watched.</param>
    /// <param name="http">
    /// Whether the listener serves HTTP: counted in <see cref="ConnectionGate.Http"/>, refused with
    /// an HTTP response when plain, and no PROXY header read.
    /// </param>
    public static void UseBeforeTls(ListenOptions listen, string listener, string protocol, Func<string, byte[]>? refusalLine, bool tls, bool http = false)
    {
        var gate = listen.ApplicationServices.GetRequiredService<ConnectionGate>();
        var counts = listen.ApplicationServices.GetRequiredService<ServerMetrics>();
        listen.Use(next => new ConnectionLimitMiddleware(next, gate, counts, listener, protocol, refusalLine, tls, http).OnConnectionAsync);
    }

    /// <summary>Marks, after Kestrel's TLS middleware, that the handshake completed.</summary>
    public static void UseAfterTls(ListenOptions listen) =>
        listen.Use(next => connection =>
        {
            connection.Features.Get<TlsHandshakeWatch>()?.Completed = true;
            return next(connection);
        });

    /// <summary>The reason given to a refused client, capitalised as IRC's ERROR shows it.</summary>
    public static string Describe(AdmissionVerdict verdict) => verdict switch
    {
        AdmissionVerdict.ServerFull => "Server is full; try again later",
        AdmissionVerdict.TooManyFromAddress => "Too many connections from your address",
        AdmissionVerdict.TooManyNewFromAddress => "Too many new connections from your address; wait a few minutes",
        _ => verdict.ToString(),
    };

    // Counted here, not by a middleware of its own: one async state machine per connection fewer
    // (docs/benchmarks.md, fix 17). Every accepted connection is counted, refused ones too.
    private async Task OnConnectionAsync(ConnectionContext connection)
    {
        _counts.Opened(_tags);
        try
        {
            if (connection.RemoteEndPoint is not IPEndPoint peer)
            {
                // Not TCP (a Unix socket, an in-memory test transport): nothing to count by.
                await _next(connection);
                return;
            }

            if (!_http && !_gate.ProxyNetworks.IsEmpty && _gate.ProxyNetworks.Contains(peer.Address) && !await TryReadProxyHeaderAsync(connection, peer))
                return;

            var client = ((IPEndPoint)connection.RemoteEndPoint).Address;
            var verdict = _admission.TryAdmit(client, out var ticket);
            if (verdict != AdmissionVerdict.Admitted)
            {
                _gate.Metrics.Refused(verdict, _listener);
                _refusalLog.Refused(client, _listener, verdict);
                await RefuseAsync(connection, _refusals[(int)verdict]);
                return;
            }

            _refusalLog.Admitted();
            try
            {
                if (_tls)
                    await RunWatchingHandshakeAsync(connection);
                else
                    await _next(connection);
            }
            finally
            {
                _admission.Release(ticket);
            }
        }
        finally
        {
            _counts.Closed(_tags);
        }
    }

    private static async Task RefuseAsync(ConnectionContext connection, byte[]? line)
    {
        // Returning closes the socket; Kestrel sends what was written first. The write goes to the
        // transport's pipe, which never waits on a fresh connection.
        if (line is not null)
        {
            try
            {
                await connection.Transport.Output.WriteAsync(line);
            }
            catch (Exception e) when (e is IOException or ConnectionResetException or InvalidOperationException)
            {
                // Gone already: nothing to tell.
            }
        }

        await connection.Transport.Output.CompleteAsync();
    }

    private async Task RunWatchingHandshakeAsync(ConnectionContext connection)
    {
        var watch = new TlsHandshakeWatch();
        connection.Features.Set(watch);
        try
        {
            await _next(connection);
        }
        catch (Exception e) when (!watch.Completed)
        {
            // Kestrel logs the usual failures (AuthenticationException, IOException, timeout) at
            // debug and swallows them; anything else would reach its error-level "unhandled
            // exception" log with a stack trace, a log-flooding lever for unauthenticated peers.
            HandshakeFailed(connection, $"{e.GetType().Name}: {e.Message}");
            return;
        }

        if (!watch.Completed)
            HandshakeFailed(connection, "failed, timed out or abandoned (Kestrel's debug log has the details)");
    }

    private void HandshakeFailed(ConnectionContext connection, string problem)
    {
        _gate.Metrics.TlsHandshakeFailed(_listener);
        ConnectionsLog.TlsHandshakeFailed(_gate.Logger, connection.RemoteEndPoint?.ToString() ?? "unknown", _listener, problem);
    }

    /// <summary>Reads and applies the PROXY header; false (after closing it) when the connection must go.</summary>
    private async Task<bool> TryReadProxyHeaderAsync(ConnectionContext connection, IPEndPoint peer)
    {
        var input = connection.Transport.Input;
        using var timeout = new CancellationTokenSource(_gate.Options.ProxyHeaderTimeout, _gate.Time);
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(timeout.Token);
                var buffer = result.Buffer;
                var status = ProxyHeaderParser.TryParse(buffer, out var header);
                var consumed = buffer.Start;
                var examined = buffer.End;
                try
                {
                    if (status == ProxyParseStatus.Done)
                    {
                        consumed = examined = buffer.GetPosition(header.Length);
                        if (header.Source is { } source)
                            connection.RemoteEndPoint = source;
                        return true;
                    }

                    if (status == ProxyParseStatus.Invalid)
                        return ProxyRejected(connection, peer, "it did not start with a valid PROXY protocol header (v1 or v2)");
                    if (result.IsCompleted)
                        return ProxyRejected(connection, peer, "it closed before its PROXY protocol header was complete");
                }
                finally
                {
                    input.AdvanceTo(consumed, examined);
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return ProxyRejected(connection, peer, $"no PROXY protocol header within {_gate.Options.ProxyHeaderTimeout}");
        }
    }

    private bool ProxyRejected(ConnectionContext connection, IPEndPoint peer, string problem)
    {
        _gate.Metrics.ProxyHeaderRejected(_listener);
        if (_gate.ProxyProblems.TryPass())
            ConnectionsLog.ProxyHeaderRejected(_gate.Logger, peer.ToString(), _listener, problem);
        connection.Abort(new ConnectionAbortedException("invalid PROXY protocol header"));
        return false;
    }
}

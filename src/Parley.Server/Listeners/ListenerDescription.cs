using Microsoft.AspNetCore.Server.Kestrel.Core;
using Parley.Server.Hosting;

namespace Parley.Server.Listeners;

/// <summary>
/// One row of <see cref="ListenerTable"/>: what a Kestrel listener is, where its settings are,
/// and what it serves. <see cref="ParleyServer.Build"/> puts every row through the same chain:
/// the connection limits (<c>ConnectionLimitMiddleware.UseBeforeTls</c>), TLS and its handshake
/// marker when <see cref="Tls"/>, <see cref="Serve"/>, then the <see cref="ListenerRegistry"/>.
/// </summary>
/// <remarks>Immutable; the table is made once and shared.</remarks>
internal sealed record ListenerDescription
{
    /// <summary>
    /// The listener's name: its key in <see cref="ListenerRegistry"/>, its start-up log line
    /// ("Parley <c>line-tls</c> protocol listening on ..."), the <c>listener</c> tag of its
    /// connection metrics and the name a busy-port error gives.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>The configuration key of its port (<c>Parley:Irc:TlsPort</c>), as start-up errors name it.</summary>
    public required string PortKey { get; init; }

    /// <summary>The command-line option of its port (<c>--ircs-port</c>).</summary>
    public required string PortOption { get; init; }

    /// <summary>
    /// Its port in the options: 0 (<see cref="ParleyOptions.Disabled"/>) leaves the listener out,
    /// -1 (<see cref="ParleyOptions.AnyFreePort"/>) binds a free port.
    /// </summary>
    public required Func<ParleyOptions, int> Port { get; init; }

    /// <summary>The host its address is resolved from (<c>Parley:Host</c>, or <c>Parley:Http:Host</c>).</summary>
    public required Func<ParleyOptions, string> Host { get; init; }

    /// <summary>Whether Kestrel's TLS (<c>TlsListener.UseTls</c>, the server certificate) comes before <see cref="Serve"/>.</summary>
    public bool Tls { get; init; }

    /// <summary>
    /// Whether the listener serves HTTP (the ASP.NET Core pipeline): its raw connections count
    /// against the HTTP connections' caps (<c>Parley:Web:MaxConnectionsPerAddress</c>), not the
    /// chat ones, and it serves no chat by itself (some chat listener must stay on); with
    /// <see cref="Tls"/>, its handshake offers ALPN <c>http/1.1</c> and asks for no client
    /// certificate (a browser would prompt for one).
    /// </summary>
    public bool Http { get; init; }

    /// <summary>
    /// The protocol served (<c>line</c>, <c>irc</c> or <c>http</c>): the <c>protocol</c> tag of the
    /// connection counts (a WebSocket on an HTTP listener is counted again, as <c>irc</c>, at its upgrade).
    /// </summary>
    public required string Protocol { get; init; }

    /// <summary>
    /// The protocol's one line for a refused connection, from its reason (plain chat listeners
    /// only; a plain HTTP listener answers <c>HttpRefusal</c>'s response); null for none.
    /// </summary>
    public Func<string, byte[]>? RefusalLine { get; init; }

    /// <summary>
    /// The end of the chain: a connection handler (<c>UseConnectionHandler</c>), or HTTP/1.1 for
    /// the host's ASP.NET Core endpoint pipeline.
    /// </summary>
    public required Action<ListenOptions> Serve { get; init; }

    /// <summary>Whether the options turn this listener on (its port is not 0).</summary>
    public bool IsEnabled(ParleyOptions options) => Port(options) != ParleyOptions.Disabled;
}

namespace Parley.Core.Sessions;

/// <summary>
/// One connected client, whatever its protocol. Created by <see cref="Presence.ChatHub.Connect(ISessionSink, string, ConnectionSecurity)"/>.
/// </summary>
/// <remarks>
/// Its state changes only on its own connection's read loop (commands are processed in order),
/// except <see cref="Nick"/>, which other threads read while routing.
/// </remarks>
public sealed class ChatSession
{
    private volatile string? _nick;

    internal ChatSession(long id, ISessionSink sink, string remoteAddress, ConnectionSecurity security)
    {
        Id = id;
        Sink = sink;
        RemoteAddress = remoteAddress;
        Security = security;
    }

    /// <summary>Process-unique id, for logs.</summary>
    public long Id { get; }

    /// <summary>The front-end's sink for this connection.</summary>
    public ISessionSink Sink { get; }

    /// <summary>The peer's address, for logs and (later) limits.</summary>
    public string RemoteAddress { get; }

    /// <summary>
    /// How the connection is secured (TLS, client certificate, trusted network), as the transport
    /// saw it when the connection was accepted. Never changes.
    /// </summary>
    public ConnectionSecurity Security { get; }

    /// <summary>The registered nick as shown, or null before registration.</summary>
    public string? Nick
    {
        get => _nick;
        internal set => _nick = value;
    }

    /// <summary>True once a nick is registered.</summary>
    public bool IsRegistered => _nick is not null;

    /// <summary>True once the session has quit or been disconnected; it receives nothing more.</summary>
    public bool HasLeft { get; internal set; }
}

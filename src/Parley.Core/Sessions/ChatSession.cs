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
    /// <summary>
    /// The host every session shows (<see cref="Host"/>): a cloak, so that no protocol reveals a
    /// user's address to others.
    /// </summary>
    public const string CloakedHost = "parley";

    private volatile string? _nick;
    private volatile string? _awayMessage;
    private string? _userName;
    private string? _realName;

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

    /// <summary>
    /// The user name (IRC's ident from <c>USER</c>), or the nick when the client gave none (the
    /// line protocol has none); <c>*</c> before either is known.
    /// </summary>
    public string UserName => _userName ?? _nick ?? "*";

    /// <summary>The real name (IRC's <c>USER</c> realname), or the nick when the client gave none.</summary>
    public string RealName => _realName ?? _nick ?? "";

    /// <summary>The host shown to others: always <see cref="CloakedHost"/>, never the peer's address.</summary>
    public string Host { get; } = CloakedHost;

    /// <summary>The user's away message, or null when present. Set with <see cref="Presence.ChatHub.SetAway"/>.</summary>
    public string? AwayMessage
    {
        get => _awayMessage;
        internal set => _awayMessage = value;
    }

    /// <summary>True once a nick is registered.</summary>
    public bool IsRegistered => _nick is not null;

    /// <summary>Sets the user name and real name a protocol's client gave (IRC's <c>USER</c>).</summary>
    /// <param name="userName">The user name; null keeps the nick as user name.</param>
    /// <param name="realName">The real name; null keeps the nick.</param>
    /// <remarks>Call on the session's read loop, before registration: others read it when the nick appears.</remarks>
    public void SetUserInfo(string? userName, string? realName)
    {
        Volatile.Write(ref _userName, userName);
        Volatile.Write(ref _realName, realName);
    }

    /// <summary>The user name and host as one value, for events.</summary>
    public Events.UserAddress Address => new(UserName, Host);

    /// <summary>True once the session has quit or been disconnected; it receives nothing more.</summary>
    public bool HasLeft { get; internal set; }
}

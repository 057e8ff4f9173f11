using Parley.Core.Presence;

namespace Parley.Core.Sessions;

/// <summary>
/// One connected client, whatever its protocol. Created by <see cref="ChatHub.Connect"/>.
/// </summary>
/// <remarks>
/// Its state changes only on its own connection's read loop (commands are processed in order),
/// except that other threads read <see cref="Nick"/> while routing.
/// </remarks>
public sealed class ChatSession
{
    private volatile OnlineNick? _presence;

    internal ChatSession(long id, ISessionSink sink, string remoteAddress)
    {
        Id = id;
        Sink = sink;
        RemoteAddress = remoteAddress;
    }

    /// <summary>Process-unique id, for logs.</summary>
    public long Id { get; }

    /// <summary>The front-end's sink for this connection.</summary>
    public ISessionSink Sink { get; }

    /// <summary>The peer's address, for logs and login limits.</summary>
    public string RemoteAddress { get; }

    /// <summary>The nick as shown (a guest's or the signed-in account's), or null before registration.</summary>
    public string? Nick => _presence?.Nick;

    /// <summary>True once the session holds a nick, as a guest or signed in.</summary>
    public bool IsRegistered => _presence is not null;

    /// <summary>The signed-in account's id, or null for a guest or an unregistered session.</summary>
    public long? AccountId => _presence?.AccountId;

    /// <summary>True when signed in to an account.</summary>
    public bool IsLoggedIn => _presence?.AccountId is not null;

    /// <summary>True once the session has quit or been disconnected; it receives nothing more.</summary>
    public bool HasLeft { get; internal set; }

    internal OnlineNick? Presence
    {
        get => _presence;
        set => _presence = value;
    }
}

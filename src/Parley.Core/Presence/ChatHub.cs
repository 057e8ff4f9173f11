using System.Collections.Concurrent;
using Parley.Core.Events;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

/// <summary>
/// The chat core's entry point: who is connected, which nick is whose, and routing of direct
/// messages, broadcasts and presence notices to sessions. Protocol-neutral: front-ends call it
/// and receive <see cref="ChatEvent"/>s through each session's <see cref="ISessionSink"/>.
/// </summary>
/// <remarks>
/// Thread-safe. Calls for one session come from that session's read loop, in order; calls for
/// different sessions run concurrently. Routing reads the nick table without a global lock
/// (a <see cref="ConcurrentDictionary{TKey,TValue}"/> enumerates without locking).
/// </remarks>
public sealed partial class ChatHub
{
    private readonly ConcurrentDictionary<long, ChatSession> _sessions = new();
    private readonly ConcurrentDictionary<string, ChatSession> _byNick = new(NickRules.Comparer);
    private readonly TimeProvider _time;
    private long _lastSessionId;
    private volatile bool _shuttingDown;

    /// <summary>Creates a hub on the system clock.</summary>
    public ChatHub()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates a hub whose events carry times from <paramref name="time"/>.</summary>
    /// <param name="time">The clock that stamps <see cref="ChatEvent.Time"/>.</param>
    public ChatHub(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>The hub's clock: the time its events are stamped with.</summary>
    public TimeProvider Time => _time;

    /// <summary>Number of open sessions, registered or not.</summary>
    public int SessionCount => _sessions.Count;

    /// <summary>Number of registered nicks online.</summary>
    public int RegisteredCount => _byNick.Count;

    /// <summary>True once <see cref="Shutdown"/> has been called.</summary>
    public bool IsShuttingDown => _shuttingDown;

    /// <summary>Opens a session for a new connection.</summary>
    /// <param name="sink">The connection's way out; the hub calls it from any thread.</param>
    /// <param name="remoteAddress">The peer's address, for logs.</param>
    /// <returns>The new, unregistered session. During shutdown it is closed at once.</returns>
    /// <remarks>The session's <see cref="ChatSession.Security"/> is <see cref="ConnectionSecurity.Unknown"/>.</remarks>
    public ChatSession Connect(ISessionSink sink, string remoteAddress) =>
        Connect(sink, remoteAddress, ConnectionSecurity.Unknown);

    /// <summary>Opens a session for a new connection whose transport security is known.</summary>
    /// <param name="sink">The connection's way out; the hub calls it from any thread.</param>
    /// <param name="remoteAddress">The peer's address, for logs.</param>
    /// <param name="security">TLS, client certificate and network trust, from the transport.</param>
    /// <returns>The new, unregistered session. During shutdown it is closed at once.</returns>
    public ChatSession Connect(ISessionSink sink, string remoteAddress, ConnectionSecurity security)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(security);
        var session = new ChatSession(Interlocked.Increment(ref _lastSessionId), sink, remoteAddress, security);
        _sessions[session.Id] = session;
        if (_shuttingDown)
            sink.Close(ShutdownNotice);
        return session;
    }

    /// <summary>Registers <paramref name="nick"/> for the session, or changes its nick when it has one.</summary>
    /// <param name="session">The session.</param>
    /// <param name="nick">The wanted nick; see <see cref="NickRules"/>.</param>
    /// <returns><see cref="ChatError.None"/>, <see cref="ChatError.InvalidNick"/> or <see cref="ChatError.NickTaken"/>.</returns>
    /// <remarks>Others are told: <see cref="UserJoinedEvent"/> or <see cref="NickChangedEvent"/>.</remarks>
    public ChatError Register(ChatSession session, string nick)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!NickRules.IsValid(nick))
            return ChatError.InvalidNick;

        var old = session.Nick;
        if (_byNick.TryGetValue(nick, out var owner) && owner != session)
            return ChatError.NickTaken;
        if (owner is null && !_byNick.TryAdd(nick, session))
            return ChatError.NickTaken;

        if (old is not null && !NickRules.Comparer.Equals(old, nick))
            _byNick.TryRemove(new KeyValuePair<string, ChatSession>(old, session));
        session.Nick = nick;

        if (old is null)
            SendToOthers(session, new UserJoinedEvent(nick) { Time = _time.GetUtcNow(), Address = session.Address });
        else if (!string.Equals(old, nick, StringComparison.Ordinal))
            SendToOthers(session, new NickChangedEvent(old, nick) { Time = _time.GetUtcNow(), Address = session.Address });
        return ChatError.None;
    }

    /// <summary>The session that holds <paramref name="nick"/>, or <see langword="null"/> when it is not online.</summary>
    /// <param name="nick">The nick, any case.</param>
    /// <returns>The session, or <see langword="null"/>.</returns>
    public ChatSession? FindByNick(string nick)
    {
        ArgumentNullException.ThrowIfNull(nick);
        return _byNick.TryGetValue(nick, out var session) ? session : null;
    }

    /// <summary>The nicks online, as shown, in no particular order.</summary>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<string> OnlineNicks()
    {
        var nicks = new List<string>(_byNick.Count);
        foreach (var (_, session) in _byNick)
        {
            if (session.Nick is { } nick)
                nicks.Add(nick);
        }

        return nicks;
    }

    /// <summary>Ends a session by <c>/quit</c>; others are told it left. Idempotent.</summary>
    /// <param name="session">The session.</param>
    /// <param name="reason">The user's quit message, or null.</param>
    public void Quit(ChatSession session, string? reason) => Leave(session, quit: true, reason);

    /// <summary>Ends a session whose connection is gone; others are told it dropped. Idempotent.</summary>
    /// <param name="session">The session.</param>
    /// <param name="reason">Why, e.g. "connection closed" or "too slow to read".</param>
    public void Disconnect(ChatSession session, string reason) => Leave(session, quit: false, reason);

    /// <summary>Tells every session the server is stopping and closes them all.</summary>
    /// <remarks>Departures during shutdown are not announced: everyone is leaving.</remarks>
    public void Shutdown()
    {
        _shuttingDown = true;
        var notice = new ServerNoticeEvent(ShutdownNotice) { Time = _time.GetUtcNow() };
        foreach (var (_, session) in _sessions)
        {
            session.Sink.Deliver(notice);
            session.Sink.Close(ShutdownNotice);
        }
    }

    private const string ShutdownNotice = "server shutting down";

    private void Leave(ChatSession session, bool quit, string? reason)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.HasLeft)
            return;
        session.HasLeft = true;
        _sessions.TryRemove(session.Id, out _);
        if (session.Nick is not { } nick)
            return;
        _byNick.TryRemove(new KeyValuePair<string, ChatSession>(nick, session));
        if (!_shuttingDown)
            SendToOthers(session, new UserLeftEvent(nick, quit, reason) { Time = _time.GetUtcNow(), Address = session.Address });
    }
}

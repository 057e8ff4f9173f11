using System.Collections.Concurrent;
using Parley.Core.Events;
using Parley.Core.Moderation;
using Parley.Core.Rooms;
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

    /// <summary>Creates a hub with default room settings, in-memory room storage and no server operators.</summary>
    public ChatHub()
        : this(new RoomOptions(), new RoomLimits(), new InMemoryRoomStore(), new InMemoryRoomHistory(), OperatorPolicy.None, TimeProvider.System)
    {
    }

    /// <summary>Creates a hub.</summary>
    /// <param name="roomOptions">Room behaviour, validated.</param>
    /// <param name="roomLimits">Room limits, validated.</param>
    /// <param name="roomStore">Where registered rooms persist.</param>
    /// <param name="roomHistory">Where room messages are kept.</param>
    /// <param name="operators">Who the server operators are.</param>
    /// <param name="time">The clock for message and topic times.</param>
    public ChatHub(RoomOptions roomOptions, RoomLimits roomLimits, IRoomStore roomStore, IRoomHistory roomHistory, OperatorPolicy operators, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(roomOptions);
        ArgumentNullException.ThrowIfNull(roomLimits);
        ArgumentNullException.ThrowIfNull(roomStore);
        ArgumentNullException.ThrowIfNull(roomHistory);
        ArgumentNullException.ThrowIfNull(operators);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        Operators = operators;
        Rooms = new RoomHub(this, roomOptions, roomLimits, roomStore, roomHistory, time);
    }

    /// <summary>The rooms.</summary>
    public RoomHub Rooms { get; }

    /// <summary>Who may <c>/kill</c> and set server-wide bans.</summary>
    public OperatorPolicy Operators { get; }

    /// <summary>Server-wide bans by address, checked when a session connects.</summary>
    public ServerBanList ServerBans { get; } = new();

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
    /// <returns>
    /// The new, unregistered session. During shutdown, or when a server ban covers the address, it
    /// is closed at once.
    /// </returns>
    public ChatSession Connect(ISessionSink sink, string remoteAddress, ConnectionSecurity security)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(security);
        var session = new ChatSession(Interlocked.Increment(ref _lastSessionId), sink, remoteAddress, security);
        _sessions[session.Id] = session;
        if (_shuttingDown)
            sink.Close(ShutdownNotice);
        else if (ServerBans.FindMatch(session.Address) is { } ban)
            sink.Close(BannedNotice(ban));
        return session;
    }

    /// <summary>The registered session holding <paramref name="nick"/> (any case), or null.</summary>
    /// <param name="nick">The nick.</param>
    /// <returns>The session, or null when no one online has it.</returns>
    public ChatSession? FindSession(string nick) => _byNick.TryGetValue(nick, out var session) ? session : null;

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
            SendToOthers(session, new UserJoinedEvent(nick));
        else if (!string.Equals(old, nick, StringComparison.Ordinal))
            SendToOthers(session, new NickChangedEvent(old, nick));
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
        var notice = new ServerNoticeEvent(ShutdownNotice);
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
        if (_shuttingDown)
            return;
        Rooms.OnSessionLeft(session, quit, reason);
        SendToOthers(session, new UserLeftEvent(nick, quit, reason));
    }
}

using System.Collections.Concurrent;
using Parley.Core.Accounts;
using Parley.Core.Events;
using Parley.Core.Messages;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

/// <summary>
/// The chat core's entry point: who is connected, which nick is whose, and routing of direct
/// messages, broadcasts and presence notices to sessions. Protocol-neutral: front-ends call it
/// and receive <see cref="ChatEvent"/>s through each session's <see cref="ISessionSink"/>.
/// </summary>
/// <remarks>
/// <para>Thread-safe. Calls for one session come from that session's read loop, in order; calls for
/// different sessions run concurrently. Routing reads the nick table without a global lock
/// (a <see cref="ConcurrentDictionary{TKey,TValue}"/> enumerates without locking).</para>
/// <para>An online nick is an <see cref="OnlineNick"/>: a guest's one session, or every session
/// signed in to one account. Routing to an account and signing in to it take that account's gate
/// (one of <see cref="GateCount"/> striped semaphores), so a message is either handed to a
/// session or stored as waiting before the sign-in reads what waits: none is lost in between.
/// At most one gate is held at a time, so gates cannot deadlock.</para>
/// </remarks>
public sealed partial class ChatHub
{
    // Striped: enough that unrelated accounts rarely share a gate, few enough to allocate up front.
    private const int GateCount = 64;

    private readonly ConcurrentDictionary<long, ChatSession> _sessions = new();
    private readonly ConcurrentDictionary<string, OnlineNick> _byNick = new(NickRules.Comparer);
    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, GateCount).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly IAccountStore _accounts;
    private readonly IMessageStore _messages;
    private readonly AccountOptions _options;
    private readonly TimeProvider _time;
    private long _lastSessionId;
    private volatile bool _shuttingDown;

    /// <summary>Creates the hub.</summary>
    /// <param name="accounts">Where accounts are kept.</param>
    /// <param name="messages">Where messages are kept.</param>
    /// <param name="options">Account settings, already validated.</param>
    /// <param name="time">Clock for message times.</param>
    public ChatHub(IAccountStore accounts, IMessageStore messages, AccountOptions options, TimeProvider time)
    {
        _accounts = accounts;
        _messages = messages;
        _options = options;
        _time = time;
    }

    /// <summary>Number of open sessions, registered or not.</summary>
    public int SessionCount => _sessions.Count;

    /// <summary>Number of nicks online (an account on several devices counts once).</summary>
    public int RegisteredCount => _byNick.Count;

    /// <summary>True once <see cref="Shutdown"/> has been called.</summary>
    public bool IsShuttingDown => _shuttingDown;

    /// <summary>Opens a session for a new connection.</summary>
    /// <param name="sink">The connection's way out; the hub calls it from any thread.</param>
    /// <param name="remoteAddress">The peer's address, for logs and login limits.</param>
    /// <returns>The new, unregistered session. During shutdown it is closed at once.</returns>
    public ChatSession Connect(ISessionSink sink, string remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var session = new ChatSession(Interlocked.Increment(ref _lastSessionId), sink, remoteAddress);
        _sessions[session.Id] = session;
        if (_shuttingDown)
            sink.Close(ShutdownNotice);
        return session;
    }

    /// <summary>Gives the session a guest nick, or changes its guest nick.</summary>
    /// <param name="session">The session; must not be signed in.</param>
    /// <param name="nick">The wanted nick; see <see cref="NickRules"/>.</param>
    /// <param name="cancellationToken">Cancels the account lookup.</param>
    /// <returns>
    /// <see cref="ChatError.None"/>, <see cref="ChatError.AlreadyLoggedIn"/>, <see cref="ChatError.InvalidNick"/>,
    /// <see cref="ChatError.GuestsDisabled"/>, <see cref="ChatError.NickRegistered"/> or <see cref="ChatError.NickTaken"/>.
    /// </returns>
    /// <remarks>Others are told: <see cref="UserJoinedEvent"/> or <see cref="NickChangedEvent"/>.</remarks>
    public async ValueTask<ChatError> RegisterGuestAsync(ChatSession session, string nick, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.IsLoggedIn)
            return ChatError.AlreadyLoggedIn;
        if (!NickRules.IsValid(nick))
            return ChatError.InvalidNick;
        if (!_options.AllowGuests)
            return ChatError.GuestsDisabled;
        if (await _accounts.FindAsync(nick, cancellationToken) is not null)
            return ChatError.NickRegistered;
        return ClaimGuestNick(session, nick);
    }

    /// <summary>Whether <paramref name="nick"/> is held by anyone online.</summary>
    /// <param name="nick">The nick, any case.</param>
    /// <returns>True when online.</returns>
    public bool IsOnline(string nick) => _byNick.TryGetValue(nick, out var holder) && holder.Sessions.Length > 0;

    /// <summary>The nicks online, as shown, in no particular order (an account on several devices once).</summary>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<string> OnlineNicks() => [.. _byNick.Values.Select(holder => holder.Nick)];

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

    private ChatError ClaimGuestNick(ChatSession session, string nick)
    {
        var old = session.Presence;
        var holder = new OnlineNick(nick, accountId: null, session);
        if (_byNick.TryGetValue(nick, out var current))
        {
            // Only the session's own nick, in another case, may be replaced.
            if (current != old || !_byNick.TryUpdate(nick, holder, current))
                return ChatError.NickTaken;
        }
        else if (!_byNick.TryAdd(nick, holder))
        {
            return ChatError.NickTaken;
        }
        else if (old is not null)
        {
            _byNick.TryRemove(new KeyValuePair<string, OnlineNick>(old.Nick, old));
        }

        session.Presence = holder;
        if (old is null)
            SendToOthers(holder, new UserJoinedEvent(nick));
        else if (!string.Equals(old.Nick, nick, StringComparison.Ordinal))
            SendToOthers(holder, new NickChangedEvent(old.Nick, nick));
        return ChatError.None;
    }

    /// <summary>Takes <paramref name="session"/> off its nick; true when it was the nick's last session.</summary>
    private bool Release(ChatSession session, OnlineNick holder)
    {
        if (!holder.Remove(session))
            return false;
        _byNick.TryRemove(new KeyValuePair<string, OnlineNick>(holder.Nick, holder));
        return true;
    }

    private void Leave(ChatSession session, bool quit, string? reason)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.HasLeft)
            return;
        session.HasLeft = true;
        _sessions.TryRemove(session.Id, out _);
        // The presence stays set, so logs can still name the nick.
        if (session.Presence is not { } holder)
            return;
        if (Release(session, holder) && !_shuttingDown)
            SendToOthers(holder, new UserLeftEvent(holder.Nick, quit, reason));
    }

    private SemaphoreSlim GateOf(long accountId) => _gates[(int)((ulong)accountId % GateCount)];
}

using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Parley.Core.Accounts;
using Parley.Core.Cluster;
using Parley.Core.Events;
using Parley.Core.Messages;
using Parley.Core.Moderation;
using Parley.Core.Rooms;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

/// <summary>
/// The chat core's entry point: who is connected, which nick is whose, and routing of direct
/// messages, broadcasts and presence notices to sessions. Protocol-neutral: front-ends call it
/// and receive <see cref="ChatEvent"/>s through each session's <see cref="ISessionSink"/>, handed
/// to it by the <see cref="Router"/> the hub publishes to (<see cref="Routing.Audience"/>s).
/// </summary>
/// <remarks>
/// <para>Thread-safe. Calls for one session come from that session's read loop, in order; calls for
/// different sessions run concurrently. Routing reads the nick table without a global lock
/// (a <see cref="ConcurrentDictionary{TKey,TValue}"/> enumerates without locking).</para>
/// <para>An online nick is an <see cref="OnlineNick"/>: a guest's one session, or every session
/// signed in to one account: the hub's claim of the nick in the nick space (<see cref="INickClaims"/>).
/// Routing to an account and signing in to it take that account's gate (<see cref="IAccountGates"/>;
/// in one process one of 64 striped semaphores), so a message is either handed to a session or
/// stored as waiting before the sign-in reads what waits: none is lost in between. At most one
/// gate is held at a time, so gates cannot deadlock; no room lock is taken under a gate. Session
/// and room message ids come from an <see cref="IIdAllocator"/>. The three are the
/// <see cref="ClusterPorts"/>, in-process by default.</para>
/// <para>Rooms (<see cref="Rooms"/>) are joined per session: each connection of an account joins
/// and leaves rooms itself.</para>
/// </remarks>
public sealed partial class ChatHub
{
    private readonly ConcurrentDictionary<long, ChatSession> _sessions = new();
    private readonly INickClaims _nicks;
    private readonly PresenceCoalescer _presence;
    private readonly IAccountGates _gates;
    private readonly IIdAllocator _ids;
    private readonly IAccountStore _accounts;
    private readonly IMessageStore _messages;
    private readonly AccountOptions _options;
    private readonly TimeProvider _time;
    // Counted, not enumerated: the welcome burst (LUSERS) reads them on every registration, and
    // ConcurrentDictionary.Count takes every lock of the table.
    private int _sessionCount;
    private int _registeredSessions;
    private int _nickCount;
    private volatile bool _shuttingDown;

    /// <summary>Creates a hub with default room settings, in-memory room storage and no server operators.</summary>
    /// <param name="accounts">Where accounts are kept.</param>
    /// <param name="messages">Where direct messages and broadcasts are kept.</param>
    /// <param name="options">Account settings, already validated.</param>
    /// <param name="time">Clock for message times.</param>
    public ChatHub(IAccountStore accounts, IMessageStore messages, AccountOptions options, TimeProvider time)
        : this(accounts, messages, options, new RoomOptions(), new RoomLimits(), new InMemoryRoomStore(), new InMemoryRoomHistory(), OperatorPolicy.None, time)
    {
    }

    /// <summary>Creates the hub.</summary>
    /// <param name="accounts">Where accounts are kept.</param>
    /// <param name="messages">Where direct messages and broadcasts are kept.</param>
    /// <param name="options">Account settings, already validated.</param>
    /// <param name="roomOptions">Room behaviour, validated.</param>
    /// <param name="roomLimits">Room limits, validated.</param>
    /// <param name="roomStore">Where registered rooms persist.</param>
    /// <param name="roomHistory">Where room messages are kept.</param>
    /// <param name="operators">Who the server operators are.</param>
    /// <param name="time">The clock for message and topic times.</param>
    /// <param name="ports">
    /// The ids, nick space and account gates a cluster shares; null (or a null member) for the
    /// in-process default.
    /// </param>
    public ChatHub(
        IAccountStore accounts,
        IMessageStore messages,
        AccountOptions options,
        RoomOptions roomOptions,
        RoomLimits roomLimits,
        IRoomStore roomStore,
        IRoomHistory roomHistory,
        OperatorPolicy operators,
        TimeProvider time,
        ClusterPorts? ports = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(roomOptions);
        ArgumentNullException.ThrowIfNull(roomLimits);
        ArgumentNullException.ThrowIfNull(roomStore);
        ArgumentNullException.ThrowIfNull(roomHistory);
        ArgumentNullException.ThrowIfNull(operators);
        ArgumentNullException.ThrowIfNull(time);
        _accounts = accounts;
        _messages = messages;
        _options = options;
        _time = time;
        ports ??= ClusterPorts.InProcess;
        _ids = ports.Ids ?? new InProcessIdAllocator(time, roomHistory.LastId);
        _nicks = ports.NickClaims ?? new InProcessNickClaims();
        _gates = ports.AccountGates ?? new InProcessAccountGates();
        Operators = operators;
        _presence = new PresenceCoalescer(DeliverPresence, time);
        Rooms = new RoomHub(this, roomOptions, roomLimits, roomStore, roomHistory, _ids, time);
    }

    /// <summary>The rooms.</summary>
    public RoomHub Rooms { get; }

    /// <summary>
    /// The users online on other nodes of a cluster, as a cluster router keeps them (WHO, WHOIS,
    /// ISON, LUSERS and <c>/users</c> add them to this node's); always empty on one node.
    /// </summary>
    public ClusterDirectory Directory { get; } = new();

    /// <summary>The account settings (guests, password length), validated.</summary>
    public AccountOptions AccountOptions => _options;

    /// <summary>Who may <c>/kill</c> and set server-wide bans.</summary>
    public OperatorPolicy Operators { get; }

    /// <summary>
    /// Reloads the server's live settings (operators, MOTD, limits, bans) for an operator's
    /// <c>/rehash</c> or IRC <c>REHASH</c>; set by the host, null when it offers none. Takes who
    /// asked (the operator's account, for the log); returns a one-line summary, or throws
    /// <see cref="ArgumentException"/> naming a bad setting.
    /// </summary>
    public Func<string, string>? RehashHandler { get; set; }

    /// <summary>
    /// The server's metrics at a glance for an operator's <c>/stats</c>: one line per series, as
    /// <c>parley-server stats</c> prints them; set by the host, null when it offers none.
    /// </summary>
    public Func<CancellationToken, Task<IReadOnlyList<string>>>? StatsHandler { get; set; }

    /// <summary>Server-wide bans by address, checked when a session connects.</summary>
    public ServerBanList ServerBans { get; } = new();

    /// <summary>The nicks that left or were renamed away from, bounded (IRC's <c>WHOWAS</c>).</summary>
    public NickHistory NickHistory { get; } = new();

    /// <summary>The hub's clock: the time its events and messages are stamped with (<see cref="ChatEvent.Time"/>).</summary>
    public TimeProvider Time => _time;

    /// <summary>Number of open sessions, registered or not.</summary>
    public int SessionCount => Volatile.Read(ref _sessionCount);

    /// <summary>Number of nicks online (an account on several devices counts once).</summary>
    public int RegisteredCount => Volatile.Read(ref _nickCount);

    /// <summary>Number of accounts signed in (an account on several devices counts once; O(n): counted by enumerating the nicks without locking, for metrics).</summary>
    public int AccountsOnlineCount => _nicks.Count(pair => pair.Value.AccountId is not null);

    /// <summary>Number of open sessions without a nick yet (kept as a count: O(1), no lock).</summary>
    public int UnregisteredCount => Math.Max(0, Volatile.Read(ref _sessionCount) - Volatile.Read(ref _registeredSessions));

    /// <summary>True once <see cref="Shutdown"/> has been called.</summary>
    public bool IsShuttingDown => _shuttingDown;

    /// <summary>Opens a session for a new connection.</summary>
    /// <param name="sink">The connection's way out; the hub calls it from any thread.</param>
    /// <param name="remoteAddress">The peer's address, for logs, bans and login limits.</param>
    /// <returns>The new, unregistered session. During shutdown it is closed at once.</returns>
    /// <remarks>The session's <see cref="ChatSession.Security"/> is <see cref="ConnectionSecurity.Unknown"/>.</remarks>
    public ChatSession Connect(ISessionSink sink, string remoteAddress) =>
        Connect(sink, remoteAddress, ConnectionSecurity.Unknown);

    /// <summary>Opens a session for a new connection whose transport security is known.</summary>
    /// <param name="sink">The connection's way out; the hub calls it from any thread.</param>
    /// <param name="remoteAddress">The peer's address, for logs, bans and login limits.</param>
    /// <param name="security">TLS, client certificate and network trust, from the transport.</param>
    /// <returns>
    /// The new, unregistered session. During shutdown, or when a server ban covers the address, it
    /// is closed at once.
    /// </returns>
    public ChatSession Connect(ISessionSink sink, string remoteAddress, ConnectionSecurity security)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(security);
        var session = new ChatSession(_ids.NextSessionId(), sink, remoteAddress, security);
        _sessions[session.Id] = session;
        Interlocked.Increment(ref _sessionCount);
        if (_shuttingDown)
            Router.Close(Audience.Of(session), ShutdownNotice);
        else if (ServerBans.FindMatch(session.Address) is { } ban)
            Router.Close(Audience.Of(session), BannedNotice(ban));
        return session;
    }

    /// <summary>
    /// A session holding <paramref name="nick"/> (any case), or null: a guest's one session, or the
    /// longest-connected session of an account signed in from several devices.
    /// </summary>
    /// <param name="nick">The nick.</param>
    /// <returns>The session, or null when no one online has it.</returns>
    public ChatSession? FindByNick(string nick)
    {
        ArgumentNullException.ThrowIfNull(nick);
        return TryGetHolder(nick, out var holder) && holder.Sessions is [var first, ..] ? first : null;
    }

    /// <summary>Every session holding <paramref name="nick"/> (any case): one for a guest, one per device for an account.</summary>
    /// <param name="nick">The nick.</param>
    /// <returns>A snapshot; empty when no one online has it.</returns>
    public IReadOnlyList<ChatSession> FindSessions(string nick)
    {
        ArgumentNullException.ThrowIfNull(nick);
        return TryGetHolder(nick, out var holder) ? holder.Sessions : [];
    }

    /// <summary>Gives the session a guest nick, or changes its guest nick.</summary>
    /// <param name="session">The session; must not be signed in.</param>
    /// <param name="nick">The wanted nick; see <see cref="NickRules"/>.</param>
    /// <param name="cancellationToken">Cancels the account lookup.</param>
    /// <returns>
    /// <see cref="ChatError.None"/>, <see cref="ChatError.AlreadyLoggedIn"/>, <see cref="ChatError.InvalidNick"/>,
    /// <see cref="ChatError.GuestsDisabled"/>, <see cref="ChatError.NickRegistered"/> or <see cref="ChatError.NickTaken"/>.
    /// </returns>
    /// <remarks>
    /// Others are told: <see cref="UserJoinedEvent"/> or <see cref="NickChangedEvent"/>. The session's
    /// rooms show the new nick at once (members read it live).
    /// </remarks>
    public async ValueTask<ChatError> RegisterGuestAsync(ChatSession session, string nick, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.IsLoggedIn)
            return ChatError.AlreadyLoggedIn;
        if (!NickRules.IsValid(nick))
            return ChatError.InvalidNick;
        if (ServiceNicks.IsReserved(nick))
            return ChatError.NickTaken;
        if (!_options.AllowGuests)
            return ChatError.GuestsDisabled;
        if (await _accounts.FindAsync(nick, cancellationToken) is not null)
            return ChatError.NickRegistered;
        return await ClaimGuestNickAsync(session, nick);
    }

    /// <summary>Whether <paramref name="nick"/> is held by anyone online.</summary>
    /// <param name="nick">The nick, any case.</param>
    /// <returns>True when online.</returns>
    public bool IsOnline(string nick) => TryGetHolder(nick, out var holder) && holder.Sessions.Length > 0;

    /// <summary>The nicks online, as shown, in no particular order (an account on several devices once).</summary>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<string> OnlineNicks() => [.. _nicks.Select(pair => pair.Value.Nick)];

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
            Router.Publish(Audience.Of(session), notice);
            Router.Close(Audience.Of(session), ShutdownNotice);
        }
    }

    private const string ShutdownNotice = "server shutting down";

    private async ValueTask<ChatError> ClaimGuestNickAsync(ChatSession session, string nick)
    {
        var old = session.Presence;
        var holder = new OnlineNick(nick, accountId: null, session);
        // A claim that is not a holder here is another node's: the nick space's claim decides.
        if (_nicks.TryFind(nick, out var current) && current is OnlineNick)
        {
            // Only the session's own nick, in another case, may be replaced.
            if (current is not OnlineNick own || own != old || !await TryReplaceNickAsync(holder, own))
                return ChatError.NickTaken;
        }
        else if (!await TryAddNickAsync(holder))
        {
            return ChatError.NickTaken;
        }
        else if (old is not null)
        {
            TryRemoveNick(old);
        }

        // The address before the change: a line user's user name is its nick.
        var oldAddress = session.UserAddress;
        SetPresence(session, holder);
        if (old is null)
            AnnounceJoined(holder, new UserJoinedEvent(nick) { Time = _time.GetUtcNow(), Address = session.UserAddress });
        else if (!string.Equals(old.Nick, nick, StringComparison.Ordinal))
        {
            NickHistory.Add(new WhowasEntry(old.Nick, oldAddress.UserName, oldAddress.Host, session.RealName, _time.GetUtcNow()));
            var rooms = session.Rooms;
            AnnounceNow(holder, new NickChangedEvent(old.Nick, nick) { Time = _time.GetUtcNow(), Address = oldAddress, Rooms = NamesOf(rooms) }, rooms);
        }

        return ChatError.None;
    }

    /// <summary>Takes <paramref name="session"/> off its nick; true when it was the nick's last session.</summary>
    private bool Release(ChatSession session, OnlineNick holder)
    {
        if (!holder.Remove(session))
            return false;
        TryRemoveNick(holder);
        return true;
    }

    // The session's holder of this node: every claim in one process; a cluster's claims held on
    // other nodes are not (messages reach those through routing).
    private bool TryGetHolder(string nick, [NotNullWhen(true)] out OnlineNick? holder)
    {
        holder = _nicks.TryFind(nick, out var claim) ? claim as OnlineNick : null;
        return holder is not null;
    }

    private async ValueTask<bool> TryAddNickAsync(OnlineNick holder)
    {
        if (!await _nicks.TryClaimAsync(holder))
            return false;
        Interlocked.Increment(ref _nickCount);
        if (holder.IsAlias)
            AddAlias(holder);
        return true;
    }

    // Replaces `current` (the session's own holder of the nick) with `holder`.
    private async ValueTask<bool> TryReplaceNickAsync(OnlineNick holder, OnlineNick current)
    {
        if (!await _nicks.TryReplaceAsync(current, holder))
            return false;
        if (current.IsAlias)
            RemoveAlias(current);
        if (holder.IsAlias)
            AddAlias(holder);
        return true;
    }

    private void TryRemoveNick(OnlineNick holder)
    {
        if (!_nicks.Release(holder))
            return;
        Interlocked.Decrement(ref _nickCount);
        if (holder.IsAlias)
            RemoveAlias(holder);
    }

    // Every change of a session's presence goes through here, so the registered count stays exact.
    private void SetPresence(ChatSession session, OnlineNick? holder)
    {
        var before = session.Presence;
        session.Presence = holder;
        NoteOperator(session);
        if (session.HasLeft || before == holder)
            return;
        if ((before is null) != (holder is null))
            Interlocked.Add(ref _registeredSessions, before is null ? 1 : -1);
        // A rename tells the router too (SetOnline is idempotent): a router across nodes moves its nick binding.
        Router.SetOnline(session, holder is not null);
    }

    private void Leave(ChatSession session, bool quit, string? reason)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.HasLeft)
            return;
        session.HasLeft = true;
        NoteOperator(session);
        if (_sessions.TryRemove(session.Id, out _))
        {
            Interlocked.Decrement(ref _sessionCount);
            if (session.Presence is not null)
                Interlocked.Decrement(ref _registeredSessions);
            Router.SetOnline(session, online: false);
            Router.SetWatching(session, watching: false);
        }

        // The presence stays set, so logs and room notices can still name the nick.
        if (session.Presence is not { } holder)
            return;
        var last = Release(session, holder);
        if (_shuttingDown)
            return;
        var rooms = session.Rooms;
        // Rooms are per session: this connection leaves its rooms even when the account stays online elsewhere.
        Rooms.OnSessionLeft(session, quit, reason, nickStays: !last);
        if (last)
        {
            NickHistory.Add(new WhowasEntry(holder.Nick, session.UserName, session.Host, session.RealName, _time.GetUtcNow()));
            AnnounceLeft(holder, new UserLeftEvent(holder.Nick, quit, reason) { Time = _time.GetUtcNow(), Address = session.UserAddress, Rooms = NamesOf(rooms) }, rooms);
        }
    }
}

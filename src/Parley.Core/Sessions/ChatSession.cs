using System.Collections.Concurrent;
using System.Net;
using Parley.Core.Presence;
using Parley.Core.Rooms;

namespace Parley.Core.Sessions;

/// <summary>
/// One connected client, whatever its protocol. Created by <see cref="ChatHub.Connect(ISessionSink, string, ConnectionSecurity)"/>.
/// </summary>
/// <remarks>
/// Its state changes only on its own connection's read loop (commands are processed in order),
/// except that other threads read <see cref="Nick"/> while routing, and its set of rooms, which
/// a kick by another user changes (a concurrent dictionary). Room membership belongs to the
/// session (the connection), not to the account: each device of an account joins rooms itself.
/// </remarks>
public sealed class ChatSession
{
    /// <summary>
    /// The host every session shows (<see cref="Host"/>): a cloak, so that no protocol reveals a
    /// user's address to others.
    /// </summary>
    public const string CloakedHost = "parley";

    // Made on the first join: most sessions of a big server are in no room, and an empty
    // ConcurrentDictionary costs ~400 bytes per connection (docs/benchmarks.md, fix 5).
    private ConcurrentDictionary<string, Room>? _rooms;
    private int _roomCount;
    private volatile OnlineNick? _presence;
    private volatile string? _awayMessage;
    private string? _userName;
    private string? _realName;

    internal ChatSession(long id, ISessionSink sink, string remoteAddress, ConnectionSecurity security)
    {
        Id = id;
        Sink = sink;
        RemoteAddress = remoteAddress;
        Security = security;
        Address = HostOf(remoteAddress);
    }

    /// <summary>Process-unique id, for logs.</summary>
    public long Id { get; }

    /// <summary>The front-end's sink for this connection.</summary>
    public ISessionSink Sink { get; }

    /// <summary>The peer's address with port, for logs and login limits.</summary>
    public string RemoteAddress { get; }

    /// <summary>
    /// How the connection is secured (TLS, client certificate, trusted network), as the transport
    /// saw it when the connection was accepted. Never changes.
    /// </summary>
    public ConnectionSecurity Security { get; }

    /// <summary>The peer's IP address without port (IPv4-mapped IPv6 shown as IPv4), for bans.</summary>
    public string Address { get; }

    /// <summary>The nick as shown (a guest's or the signed-in account's), or null before registration.</summary>
    public string? Nick => _presence?.Nick;

    /// <summary>True once the session holds a nick, as a guest or signed in.</summary>
    public bool IsRegistered => _presence is not null;

    /// <summary>The signed-in account's id, or null for a guest or an unregistered session.</summary>
    public long? AccountId => _presence?.AccountId;

    /// <summary>True when signed in to an account.</summary>
    public bool IsLoggedIn => _presence?.AccountId is not null;

    /// <summary>
    /// The signed-in account's name, or null for a guest or an unregistered session. Usually the
    /// nick; an IRC client may keep another nick when it logs in (docs/irc.md, "Nick and account").
    /// </summary>
    public string? AccountName => _presence?.AccountName;

    /// <summary>
    /// The user name (IRC's ident from <c>USER</c>), or the nick when the client gave none (the
    /// line protocol has none); <c>*</c> before either is known.
    /// </summary>
    public string UserName => _userName ?? Nick ?? "*";

    /// <summary>The real name (IRC's <c>USER</c> realname), or the nick when the client gave none.</summary>
    public string RealName => _realName ?? Nick ?? "";

    /// <summary>
    /// The host shown to others, never the peer's address: <see cref="CloakedHost"/>, or a
    /// logged-in session's account cloak when <see cref="Accounts.AccountOptions.AccountCloaks"/>
    /// is on (<see cref="AccountCloak"/>). Read by any thread.
    /// </summary>
    public string Host
    {
        get => Volatile.Read(ref _host);
        internal set => Volatile.Write(ref _host, value);
    }

    private string _host = CloakedHost;

    /// <summary>The account cloak of <paramref name="account"/>: <c>&lt;account&gt;.users.parley</c> (account names are valid host labels).</summary>
    /// <param name="account">The account's name.</param>
    /// <returns>The host.</returns>
    public static string AccountCloak(string account) => account + ".users." + CloakedHost;

    /// <summary>The user's away message, or null when present. Set with <see cref="Presence.ChatHub.SetAway"/>.</summary>
    public string? AwayMessage
    {
        get => _awayMessage;
        internal set => _awayMessage = value;
    }

    /// <summary>Sets the user name and real name a protocol's client gave (IRC's <c>USER</c>).</summary>
    /// <param name="userName">The user name; null keeps the nick as user name.</param>
    /// <param name="realName">The real name; null keeps the nick.</param>
    /// <remarks>Call on the session's read loop, before registration: others read it when the nick appears.</remarks>
    public void SetUserInfo(string? userName, string? realName)
    {
        Volatile.Write(ref _userName, userName);
        Volatile.Write(ref _realName, realName);
    }

    /// <summary>
    /// The user name and host as one value, for events (what IRC shows as <c>user@host</c>; not
    /// <see cref="Address"/>, the peer's real address, which is never shown to others).
    /// </summary>
    /// <remarks>
    /// One instance while the user name and host stay the same (every message carries it: issue
    /// 10, fix 13); a new one after either changes. Read by any thread.
    /// </remarks>
    public Events.UserAddress UserAddress
    {
        get
        {
            var userName = UserName;
            var host = Host;
            var cached = Volatile.Read(ref _userAddress);
            if (cached is not null && ReferenceEquals(cached.UserName, userName) && ReferenceEquals(cached.Host, host))
                return cached;
            cached = new Events.UserAddress(userName, host);
            Volatile.Write(ref _userAddress, cached);
            return cached;
        }
    }

    private Events.UserAddress? _userAddress;

    /// <summary>True once the session has quit or been disconnected; it receives nothing more.</summary>
    public bool HasLeft { get; internal set; }

    /// <summary>How many rooms the session is in.</summary>
    public int RoomCount => Volatile.Read(ref _roomCount);

    /// <summary>The rooms the session is in, a snapshot.</summary>
    public IReadOnlyCollection<Room> Rooms => Volatile.Read(ref _rooms) is { } rooms ? [.. rooms.Values] : [];

    /// <summary>
    /// The operator account this session became a server operator through (IRC's <c>OPER</c>,
    /// <see cref="Accounts.AccountService.OperAsync"/>), or null. A session logged in to an operator
    /// account is an operator without it.
    /// </summary>
    public string? OperatorAccount
    {
        get => Volatile.Read(ref _operatorAccount);
        internal set => Volatile.Write(ref _operatorAccount, value);
    }

    private string? _operatorAccount;
    private volatile bool _isBot;

    /// <summary>
    /// True when the user marked itself a bot (IRC's user mode <c>+B</c>, ircv3.net bot-mode): its
    /// messages carry the flag (<see cref="Events.DirectMessageEvent.FromBot"/>). Set on the
    /// session's read loop, read by any thread.
    /// </summary>
    public bool IsBot
    {
        get => _isBot;
        set => _isBot = value;
    }

    private int _countedAsOperator;

    // Whether the hub's operator count includes this session; true when that changed.
    internal bool SetCountedAsOperator(bool counted)
    {
        var value = counted ? 1 : 0;
        return Interlocked.Exchange(ref _countedAsOperator, value) != value;
    }

    internal OnlineNick? Presence
    {
        get => _presence;
        set => _presence = value;
    }

    /// <summary>Whether the session is a member of <paramref name="room"/> (this very room, not an older one of that name).</summary>
    /// <param name="room">The room.</param>
    /// <returns>True when a member.</returns>
    public bool IsIn(Rooms.Room room) => room is not null && Volatile.Read(ref _rooms) is { } rooms && rooms.TryGetValue(room.Name, out var joined) && joined == room;

    /// <summary>
    /// Whether the session is a member of the room named <paramref name="name"/> (any case): how a
    /// front-end checks the room names an event carries (<see cref="Events.UserLeftEvent.Rooms"/>).
    /// </summary>
    /// <param name="name">The room's name.</param>
    /// <returns>True when a member. O(1), no lock.</returns>
    public bool IsInRoom(string name) => Volatile.Read(ref _rooms) is { } rooms && rooms.ContainsKey(name);

    internal void AddRoom(Room room)
    {
        var rooms = Volatile.Read(ref _rooms)
            ?? LazyInitializer.EnsureInitialized(ref _rooms, static () => new ConcurrentDictionary<string, Room>(RoomNames.Comparer));
        if (rooms.TryAdd(room.Name, room))
        {
            Interlocked.Increment(ref _roomCount);
            return;
        }

        rooms[room.Name] = room;
    }

    internal bool RemoveRoom(Room room)
    {
        if (Volatile.Read(ref _rooms) is not { } rooms || !rooms.TryRemove(new KeyValuePair<string, Room>(room.Name, room)))
            return false;
        Interlocked.Decrement(ref _roomCount);
        return true;
    }

    internal static string HostOf(string remoteAddress)
    {
        if (!IPEndPoint.TryParse(remoteAddress, out var endpoint))
            return remoteAddress;
        var address = endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address;
        return address.ToString();
    }
}

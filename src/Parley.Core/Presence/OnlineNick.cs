using Parley.Core.Cluster;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

/// <summary>
/// One nick that is online and the sessions that hold it: one for a guest, one or more for an
/// account signed in from several devices.
/// </summary>
/// <remarks>
/// An account's nick is usually its name (the line protocol's rule), but an IRC client keeps the
/// nick it chose when it logs in (Ergo's behaviour): then <see cref="NickClaim.Nick"/> is that nick and
/// <see cref="NickClaim.AccountName"/> the account's (<see cref="NickClaim.IsAlias"/>).
/// </remarks>
/// <remarks>
/// It is the hub's claim of the nick in the nick space (<see cref="INickClaims"/>).
/// <see cref="Sessions"/> is a copy-on-write array, read without locking while routing. Adds and
/// removes take the instance lock. Once the last session leaves the holder is closed for good:
/// a later sign-in makes a new one.
/// </remarks>
internal sealed class OnlineNick : NickClaim
{
    private readonly Lock _lock = new();
    private ChatSession[] _sessions;
    private bool _closed;

    public OnlineNick(string nick, long? accountId, ChatSession first)
        : this(nick, accountId, accountId is null ? null : nick, first)
    {
    }

    public OnlineNick(string nick, long? accountId, string? accountName, ChatSession first)
        : base(nick, accountId, accountName)
    {
        _sessions = [first];
    }

    /// <summary>The sessions holding the nick now (a snapshot).</summary>
    public ChatSession[] Sessions => Volatile.Read(ref _sessions);

    /// <summary>Adds a session; false when the holder is closed (its last session left).</summary>
    public bool TryAdd(ChatSession session)
    {
        lock (_lock)
        {
            if (_closed)
                return false;
            if (!_sessions.Contains(session))
                Volatile.Write(ref _sessions, [.. _sessions, session]);
            return true;
        }
    }

    /// <summary>Removes a session; true when it was the last one, which closes the holder.</summary>
    public bool Remove(ChatSession session)
    {
        lock (_lock)
        {
            if (_closed)
                return false;
            Volatile.Write(ref _sessions, [.. _sessions.Where(s => s != session)]);
            _closed = _sessions.Length == 0;
            return _closed;
        }
    }
}

using System.Collections.Concurrent;
using Parley.Core.Presence;

namespace Parley.Core.Cluster;

/// <summary>
/// This node's replica of the users online on the other nodes (issue 15; docs/architecture.md,
/// "Room state and listings across nodes"): what WHO, WHOIS, ISON, LUSERS and <c>/users</c> add to
/// this node's own users. A cluster router keeps it from the other nodes' announcements; on one
/// node (the in-process router) it stays empty and costs nothing. Lookups read memory only, never
/// the network.
/// </summary>
/// <remarks>
/// Thread-safe. Readers take no lock (a concurrent dictionary of copy-on-write arrays, one entry per
/// node holding the nick: an account's devices on two nodes); writers (the router's one consumer,
/// and its start and stop) take the directory's own lock, which is never held with another.
/// </remarks>
public sealed class ClusterDirectory
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, RemoteUser[]> _byNick = new(NickRules.Comparer);
    private readonly ConcurrentDictionary<string, int> _nodes = new(StringComparer.Ordinal);

    /// <summary>Distinct nicks online on other nodes.</summary>
    public int Count => _byNick.Count;

    /// <summary>The other nodes known to be up (each announced itself or a user), in no order.</summary>
    public IReadOnlyCollection<string> Nodes => [.. _nodes.Keys];

    /// <summary>The user holding <paramref name="nick"/> (any case) on another node, or null.</summary>
    /// <param name="nick">The nick.</param>
    /// <returns>Its record (the first node's, when the account is on several).</returns>
    public RemoteUser? Find(string nick) => nick is not null && _byNick.TryGetValue(nick, out var users) && users.Length > 0 ? users[0] : null;

    /// <summary>The user holding <paramref name="nick"/> on <paramref name="node"/>, or null.</summary>
    /// <param name="node">The node.</param>
    /// <param name="nick">The nick, any case.</param>
    /// <returns>Its record.</returns>
    public RemoteUser? Find(string node, string nick)
    {
        if (nick is null || !_byNick.TryGetValue(nick, out var users))
            return null;
        foreach (var user in users)
        {
            if (user.Node == node)
                return user;
        }

        return null;
    }

    /// <summary>Every remote user once per nick, a snapshot in no order.</summary>
    /// <returns>The records.</returns>
    public IReadOnlyList<RemoteUser> Users() => [.. _byNick.Values.Where(users => users.Length > 0).Select(users => users[0])];

    /// <summary>Marks <paramref name="node"/> as up (it announced itself), even with no user yet.</summary>
    /// <param name="node">The node's name.</param>
    public void NoteNode(string node)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        _nodes.TryAdd(node, 0);
    }

    /// <summary>Adds or replaces the record of <paramref name="user"/>'s nick on its node.</summary>
    /// <param name="user">The record, its <see cref="RemoteUser.Node"/> set.</param>
    public void Set(RemoteUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            _nodes.TryAdd(user.Node, 0);
            var others = _byNick.TryGetValue(user.Nick, out var users) ? Array.FindAll(users, u => u.Node != user.Node) : [];
            _byNick[user.Nick] = [.. others, user];
        }
    }

    /// <summary>Changes the record of <paramref name="nick"/> on <paramref name="node"/>, when there is one.</summary>
    /// <param name="node">The node.</param>
    /// <param name="nick">The nick, any case.</param>
    /// <param name="change">The new record from the old; its node and nick are kept.</param>
    public void Update(string node, string nick, Func<RemoteUser, RemoteUser> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (Find(node, nick) is { } user)
                Set(change(user) with { Node = node, Nick = user.Nick });
        }
    }

    /// <summary>Removes the record of <paramref name="nick"/> on <paramref name="node"/>.</summary>
    /// <param name="node">The node.</param>
    /// <param name="nick">The nick, any case.</param>
    public void Remove(string node, string nick)
    {
        lock (_gate)
        {
            if (nick is null || !_byNick.TryGetValue(nick, out var users))
                return;
            var left = Array.FindAll(users, u => u.Node != node);
            if (left.Length == 0)
                _byNick.TryRemove(nick, out _);
            else
                _byNick[nick] = left;
        }
    }

    /// <summary>Replaces everything known of <paramref name="node"/> with <paramref name="users"/> (its announcement when a node joins), nick by nick.</summary>
    /// <param name="node">The node.</param>
    /// <param name="users">Its users now; their <see cref="RemoteUser.Node"/> is set to <paramref name="node"/>.</param>
    public void Replace(string node, IEnumerable<RemoteUser> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        lock (_gate)
        {
            // New records first, then the nicks gone: a reader never sees a user that stayed missing.
            var kept = new HashSet<string>(NickRules.Comparer);
            foreach (var user in users)
            {
                Set(user with { Node = node });
                kept.Add(user.Nick);
            }

            foreach (var (nick, held) in _byNick)
            {
                if (!kept.Contains(nick) && Array.Exists(held, u => u.Node == node))
                    Remove(node, nick);
            }

            _nodes.TryAdd(node, 0);
        }
    }

    /// <summary>Forgets a node and its users (it stopped, or its heartbeat expired).</summary>
    /// <param name="node">The node.</param>
    /// <returns>The nicks that were online there.</returns>
    public IReadOnlyList<string> Forget(string node)
    {
        lock (_gate)
        {
            _nodes.TryRemove(node, out _);
            var gone = new List<string>();
            foreach (var (nick, users) in _byNick)
            {
                if (Array.Exists(users, u => u.Node == node))
                {
                    gone.Add(nick);
                    Remove(node, nick);
                }
            }

            return gone;
        }
    }
}

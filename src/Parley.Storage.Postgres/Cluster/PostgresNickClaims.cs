using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Parley.Core.Cluster;
using Parley.Core.Presence;

namespace Parley.Storage.Postgres.Cluster;

/// <summary>
/// The cluster's one nick space on PostgreSQL (<c>nick_claims</c>, <c>nick_holders</c>): the
/// database decides every claim (<c>INSERT ... ON CONFLICT DO NOTHING</c>; the same account's
/// claim is shared), and this node keeps a view for lookups, its own holders and the others'
/// claims (<see cref="RemoteNickClaim"/>), kept current by LISTEN/NOTIFY.
/// </summary>
/// <remarks>
/// <para>Thread-safe. <see cref="TryFind"/>, <see cref="FindElsewhere"/> and enumeration read a
/// <see cref="ConcurrentDictionary{TKey, TValue}"/> without locking and never wait for the
/// network. Changes of the view take one short lock (nothing else is done under it). Claims,
/// replaces and releases go to PostgreSQL one after another in the order they were made, on one
/// background loop, so a release queued before a new claim of the same nick is done first;
/// <see cref="Release"/> frees the nick here at once and in the database in the background.</para>
/// <para>A stale view can only make a lookup miss a nick claimed elsewhere a moment ago, or see one
/// released a moment ago: a claim asks the database anyway, and an account's gate
/// (<see cref="PostgresAccountGates"/>) makes the account's part of the view current first.</para>
/// </remarks>
public sealed partial class PostgresNickClaims : INickClaims, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, NickClaim> _claims = new(NickRules.Comparer);
    // One of each account's claims held elsewhere, for FindElsewhere; all of them in _remoteByAccount.
    private readonly ConcurrentDictionary<long, NickClaim> _elsewhere = new();
    private readonly Dictionary<long, List<RemoteNickClaim>> _remoteByAccount = [];
    private readonly Lock _lock = new();
    private readonly Channel<Func<CancellationToken, Task>> _operations = Channel.CreateUnbounded<Func<CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly PostgresDatabase _database;
    private readonly string _node;
    private readonly ILogger _logger;
    private Task _worker = Task.CompletedTask;
    private Task _listener = Task.CompletedTask;
    private int _disposed;

    /// <summary>Creates the nick space of <paramref name="node"/>; <see cref="Start"/> loads the view and starts listening.</summary>
    /// <param name="database">The shared database.</param>
    /// <param name="node">This node's name (its lease's, <see cref="PostgresNodeLease.NodeName"/>).</param>
    /// <param name="logger">For failed claims and listening.</param>
    public PostgresNickClaims(PostgresDatabase database, string node, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _node = node;
        _logger = logger;
    }

    /// <summary>This node's name.</summary>
    public string NodeName => _node;

    /// <summary>Raised each time the view has been (re)loaded from the table; for tests.</summary>
    internal event Action? Loaded;

    /// <summary>Raised after a notification from another node changed the view; for tests that await it.</summary>
    internal event Action<string>? Changed;

    /// <inheritdoc />
    public bool TryFind(string nick, [NotNullWhen(true)] out NickClaim? claim) => _claims.TryGetValue(nick, out claim);

    /// <inheritdoc />
    public NickClaim? FindElsewhere(long accountId) => _elsewhere.TryGetValue(accountId, out var claim) ? claim : null;

    /// <inheritdoc />
    public ValueTask<bool> TryClaimAsync(NickClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(cancellationToken => Complete(done, ClaimAsync(claim, cancellationToken)), done);
        return new ValueTask<bool>(done.Task);
    }

    /// <inheritdoc />
    public ValueTask<bool> TryReplaceAsync(NickClaim current, NickClaim claim)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(claim);
        if (!_claims.TryGetValue(claim.Nick, out var existing) || existing != current)
            return new ValueTask<bool>(false);
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(cancellationToken => Complete(done, ReplaceAsync(current, claim, cancellationToken)), done);
        return new ValueTask<bool>(done.Task);
    }

    /// <inheritdoc />
    public bool Release(NickClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim is RemoteNickClaim)
            return false;
        lock (_lock)
        {
            if (!_claims.TryRemove(new KeyValuePair<string, NickClaim>(claim.Nick, claim)))
                return false;
        }

        Enqueue(cancellationToken => ReleaseAsync(claim, cancellationToken), done: null);
        return true;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, NickClaim>> GetEnumerator() => _claims.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Completes when every claim, replace and release queued so far has reached the database.</summary>
    public Task WhenWrittenAsync()
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(_ => Task.FromResult(done.TrySetResult(true)), done);
        return done.Task;
    }

    /// <summary>Stops listening and writing (what is queued is given up: the lease's release or expiry frees it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _operations.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_worker, _listener);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    // The store's failure goes to the caller (a clear "unavailable"), not to the write loop.
    private static async Task Complete(TaskCompletionSource<bool> done, Task<bool> operation)
    {
        try
        {
            done.TrySetResult(await operation);
        }
        catch (Core.Storage.StoreUnavailableException e)
        {
            done.TrySetException(e);
        }
    }

    private void Enqueue(Func<CancellationToken, Task> operation, TaskCompletionSource<bool>? done)
    {
        if (!_operations.Writer.TryWrite(operation))
            done?.TrySetResult(false);
    }

    // --- the view; every change under _lock ---

    // A claim this node holds now (the database granted it). False when the view has a holder of
    // the nick here already (the same account's: the hub joins that one instead).
    private bool SetLocal(NickClaim claim)
    {
        lock (_lock)
        {
            if (_claims.TryGetValue(claim.Nick, out var existing))
            {
                if (existing is not RemoteNickClaim remote)
                    return false;
                Unindex(remote);
                if (!_claims.TryUpdate(claim.Nick, claim, existing))
                    return false;
                return true;
            }

            return _claims.TryAdd(claim.Nick, claim);
        }
    }

    private bool ReplaceLocal(NickClaim current, NickClaim claim)
    {
        lock (_lock)
            return _claims.TryUpdate(claim.Nick, claim, current);
    }

    // Another node's claim, unless this node holds the nick itself.
    private void SetRemote(NickNotice notice)
    {
        lock (_lock)
            SetRemoteLocked(notice);
    }

    private void SetRemoteLocked(NickNotice notice)
    {
        RemoteNickClaim? old = null;
        if (_claims.TryGetValue(notice.Nick, out var existing))
        {
            if (existing is not RemoteNickClaim remote)
                return;
            if (remote.SameAs(notice))
                return;
            old = remote;
        }

        var claim = new RemoteNickClaim(notice.Nick, notice.AccountId, notice.AccountName);
        if (old is not null)
        {
            Unindex(old);
            _claims.TryUpdate(notice.Nick, claim, old);
        }
        else
        {
            _claims.TryAdd(notice.Nick, claim);
        }

        Index(claim);
    }

    private void RemoveRemote(string nick)
    {
        lock (_lock)
            RemoveRemoteLocked(nick);
    }

    private void RemoveRemoteLocked(string nick)
    {
        if (_claims.TryGetValue(nick, out var existing) && existing is RemoteNickClaim remote
            && _claims.TryRemove(new KeyValuePair<string, NickClaim>(nick, remote)))
            Unindex(remote);
    }

    // The remote claims of an account (or of everyone, accountId null) are exactly `held`.
    private void ReplaceRemote(long? accountId, List<NickNotice> held)
    {
        lock (_lock)
        {
            var keep = new HashSet<string>(held.Select(n => n.Nick), NickRules.Comparer);
            List<RemoteNickClaim> current = accountId is not { } id ? [.. _claims.Values.OfType<RemoteNickClaim>()]
                : _remoteByAccount.TryGetValue(id, out var list) ? [.. list]
                : [];
            foreach (var stale in current.Where(claim => !keep.Contains(claim.Nick)))
                RemoveRemoteLocked(stale.Nick);
            foreach (var notice in held)
                SetRemoteLocked(notice);
        }
    }

    private void Index(RemoteNickClaim claim)
    {
        if (claim.AccountId is not { } account)
            return;
        if (!_remoteByAccount.TryGetValue(account, out var list))
            _remoteByAccount[account] = list = [];
        list.Add(claim);
        _elsewhere[account] = list[0];
    }

    private void Unindex(RemoteNickClaim claim)
    {
        if (claim.AccountId is not { } account || !_remoteByAccount.TryGetValue(account, out var list))
            return;
        list.Remove(claim);
        if (list.Count > 0)
        {
            _elsewhere[account] = list[0];
            return;
        }

        _remoteByAccount.Remove(account);
        _elsewhere.TryRemove(account, out _);
    }
}

using Npgsql;
using Parley.Core.Storage;

namespace Parley.Storage.Postgres.Cluster;

public sealed partial class PostgresNickClaims
{
    private readonly List<NickNotice> _heldBack = [];
    private bool _loading;

    /// <summary>
    /// Starts listening for the other nodes' changes, loads their claims into the view, and starts
    /// the loop that writes this node's claims. Returns once the view is loaded: the node then
    /// serves with the whole nick space in view.
    /// </summary>
    /// <param name="timeout">How long to wait for the first load.</param>
    /// <exception cref="StoreUnavailableException">PostgreSQL could not be reached in time.</exception>
    public void Start(TimeSpan timeout)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _listener = Task.Run(() => ListenAsync(loaded, _stopping.Token));
        _worker = Task.Run(() => RunOperationsAsync(_stopping.Token));
        try
        {
            if (!loaded.Task.Wait(timeout))
                throw new StoreUnavailableException($"the PostgreSQL store at {_database.Server} did not answer within {timeout.TotalSeconds:0} s: cannot load the nick space");
        }
        catch (AggregateException e) when (e.InnerException is { } inner)
        {
            throw inner as StoreUnavailableException ?? PostgresFailures.Unavailable(_database.Server, inner);
        }
    }

    // LISTEN first, then read the table: a change committed meanwhile is heard, and held back
    // until the snapshot is in the view (then applied in order on top of it).
    private async Task ListenAsync(TaskCompletionSource loaded, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _database.DataSource.OpenConnectionAsync(stopping);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand("LISTEN " + NodeClaimsSql.Channel, connection))
                    await listen.ExecuteNonQueryAsync(stopping);
                _loading = true;
                var held = await ReadHeldElsewhereAsync(connection, transaction: null, accountId: null, stopping);
                ReplaceRemote(accountId: null, held);
                _loading = false;
                foreach (var notice in _heldBack)
                    Apply(notice);
                _heldBack.Clear();
                loaded.TrySetResult();
                Loaded?.Invoke();
                while (!stopping.IsCancellationRequested)
                    await connection.WaitAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                _loading = false;
                _heldBack.Clear();
                if (!loaded.Task.IsCompleted)
                {
                    loaded.TrySetException(e);
                    return;
                }

                PostgresLog.ListenFailed(_logger, PostgresFailures.FirstLine(e.Message));
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // Raised on the listening loop's thread (while it reads), one notification at a time, in commit order.
    private void OnNotification(object sender, NpgsqlNotificationEventArgs args)
    {
        if (!NickNotice.TryParse(args.Payload, out var notice) || string.Equals(notice.Node, _node, StringComparison.Ordinal))
            return;
        if (_loading)
            _heldBack.Add(notice);
        else
            Apply(notice);
    }

    private void Apply(NickNotice notice)
    {
        if (notice.Held)
            SetRemote(notice);
        else
            RemoveRemote(notice.Nick);
        Changed?.Invoke(notice.Nick);
    }
}

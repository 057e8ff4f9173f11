using Microsoft.Extensions.Time.Testing;
using Parley.Core.Cluster;
using Parley.Core.Messages;
using Parley.Storage.Postgres.Cluster;

namespace Parley.Storage.Postgres.Tests.Cluster;

/// <summary>Two "nodes" (two stores, leases and nick spaces) on one database: the nick space is one, and a dead node's nicks come free.</summary>
[Collection(UsesPostgres.Name)]
public sealed class NickSpaceTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_nick_held_on_one_node_is_refused_on_another_but_granted_to_the_same_account()
    {
        var database = await server.CreateDatabaseAsync();
        var time = new FakeTimeProvider(T0);
        await using (var a = ClusterNode.Start(server.ConnectionString(database), "a", time))
        await using (var b = ClusterNode.Start(server.ConnectionString(database), "b", time))
        {
            Assert.True(await a.Claims.TryClaimAsync(new TestClaim("bob")));
            Assert.True(await a.Claims.TryClaimAsync(new TestClaim("alice", 7)));

            Assert.False(await b.Claims.TryClaimAsync(new TestClaim("BOB")));
            Assert.False(await b.Claims.TryClaimAsync(new TestClaim("alice")));
            Assert.False(await b.Claims.TryClaimAsync(new TestClaim("alice", 8, "alice")));
            var device = new TestClaim("alice", 7);
            Assert.True(await b.Claims.TryClaimAsync(device));

            Assert.True(b.Claims.TryFind("alice", out var found));
            Assert.Same(device, found);
            await b.WhenAsync(claims => claims.TryFind("bob", out var bob) && bob.AccountId is null);
        }

        await server.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task The_other_node_sees_a_claim_by_notify_and_a_release_frees_the_nick_for_it()
    {
        var database = await server.CreateDatabaseAsync();
        var time = new FakeTimeProvider(T0);
        await using (var a = ClusterNode.Start(server.ConnectionString(database), "a", time))
        await using (var b = ClusterNode.Start(server.ConnectionString(database), "b", time))
        {
            var bob = new TestClaim("bob");
            Assert.True(await a.Claims.TryClaimAsync(bob));
            await b.WhenAsync(claims => claims.TryFind("Bob", out _));
            Assert.Contains(b.Claims, pair => pair.Value.Nick == "bob");

            Assert.True(a.Claims.Release(bob));
            Assert.False(a.Claims.TryFind("bob", out _));
            await b.WhenAsync(claims => !claims.TryFind("bob", out _));

            Assert.True(await b.Claims.TryClaimAsync(new TestClaim("bob")));
            Assert.False(await a.Claims.TryClaimAsync(new TestClaim("bob")));
        }

        await server.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task A_case_change_replaces_the_own_claim_and_the_others_see_the_new_case()
    {
        var database = await server.CreateDatabaseAsync();
        var time = new FakeTimeProvider(T0);
        await using (var a = ClusterNode.Start(server.ConnectionString(database), "a", time))
        await using (var b = ClusterNode.Start(server.ConnectionString(database), "b", time))
        {
            var bob = new TestClaim("bob");
            Assert.True(await a.Claims.TryClaimAsync(bob));
            Assert.False(await a.Claims.TryReplaceAsync(new TestClaim("bob"), new TestClaim("Bob")));
            Assert.True(await a.Claims.TryReplaceAsync(bob, new TestClaim("Bob")));

            await b.WhenAsync(claims => claims.TryFind("bob", out var seen) && seen.Nick == "Bob");
        }

        await server.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task An_account_on_two_nodes_keeps_its_nick_until_its_last_node_releases_it()
    {
        var database = await server.CreateDatabaseAsync();
        var time = new FakeTimeProvider(T0);
        await using (var a = ClusterNode.Start(server.ConnectionString(database), "a", time))
        await using (var b = ClusterNode.Start(server.ConnectionString(database), "b", time))
        {
            var onA = new TestClaim("alice", 7);
            var onB = new TestClaim("alice", 7);
            Assert.True(await a.Claims.TryClaimAsync(onA));
            Assert.True(await b.Claims.TryClaimAsync(onB));

            Assert.True(a.Claims.Release(onA));
            await a.Claims.WhenWrittenAsync();
            // Held on b still: a's view shows b's claim again, and a guest cannot take it.
            Assert.True(a.Claims.TryFind("alice", out var elsewhere));
            Assert.Equal(7, elsewhere.AccountId);
            Assert.Same(elsewhere, a.Claims.FindElsewhere(7));
            Assert.False(await a.Claims.TryClaimAsync(new TestClaim("alice")));

            Assert.True(b.Claims.Release(onB));
            await a.WhenAsync(claims => !claims.TryFind("alice", out _) && claims.FindElsewhere(7) is null);
        }

        await server.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task A_dead_node_is_removed_after_the_timeout_and_its_nicks_freed_for_the_others()
    {
        var database = await server.CreateDatabaseAsync();
        var time = new FakeTimeProvider(T0);
        await using (var a = ClusterNode.Start(server.ConnectionString(database), "a", time))
        await using (var b = ClusterNode.Start(server.ConnectionString(database), "b", time))
        {
            Assert.NotEqual(a.Lease.Number, b.Lease.Number);
            Assert.True(await a.Claims.TryClaimAsync(new TestClaim("bob")));
            Assert.True(await a.Claims.TryClaimAsync(new TestClaim("alice", 7)));
            Assert.True(await b.Claims.TryClaimAsync(new TestClaim("alice", 7)));
            await b.WhenAsync(claims => claims.TryFind("bob", out _));

            // a stops beating (killed); b beats every 5 s. Within the timeout nothing is freed.
            for (var beat = 0; beat < 3; beat++)
            {
                time.Advance(TimeSpan.FromSeconds(5));
                var early = await b.Lease.BeatAsync(CancellationToken.None);
                Assert.True(early.Renewed);
                Assert.Empty(early.Dead);
            }

            Assert.False(await b.Claims.TryClaimAsync(new TestClaim("bob")));

            time.Advance(TimeSpan.FromSeconds(6));
            var late = await b.Lease.BeatAsync(CancellationToken.None);
            var dead = Assert.Single(late.Dead);
            Assert.Equal("a", dead.Name);
            // alice stays: her device on b holds the nick.
            Assert.Equal(["bob"], dead.Nicks);
            await b.WhenAsync(claims => !claims.TryFind("bob", out _));
            Assert.True(await b.Claims.TryClaimAsync(new TestClaim("bob")));

            // a comes back to life: its lease is gone, so it must stop serving.
            var lost = await a.Lease.BeatAsync(CancellationToken.None);
            Assert.True(lost.Lost);
            Assert.True(a.Lease.MustStopServing(lost));
        }

        await server.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task A_node_that_cannot_renew_serves_on_through_the_outage_grace_and_stops_at_its_end()
    {
        var database = await server.CreateDatabaseAsync();
        var time = new FakeTimeProvider(T0);
        await using (var a = ClusterNode.Start(server.ConnectionString(database), "a", time))
        {
            var failed = new NodeBeat(Renewed: false, Lost: false, []);
            // Past the point where session 7's node stopped (NodeTimeout less one interval, 15 s).
            time.Advance(TimeSpan.FromSeconds(16));
            Assert.False(a.Lease.MustStopServing(failed));
            time.Advance(new NodeLeaseOptions().DatabaseOutageGrace - TimeSpan.FromSeconds(17));
            Assert.False(a.Lease.MustStopServing(failed));
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.True(a.Lease.MustStopServing(failed));
        }

        await server.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task After_an_outage_of_its_own_the_first_node_back_frees_no_nicks_of_the_others_until_they_could_renew()
    {
        var database = await server.CreateDatabaseAsync();
        var time = new FakeTimeProvider(T0);
        await using (var a = ClusterNode.Start(server.ConnectionString(database), "a", time))
        await using (var b = ClusterNode.Start(server.ConnectionString(database), "b", time))
        {
            Assert.True(await b.Claims.TryClaimAsync(new TestClaim("bob")));
            await a.WhenAsync(claims => claims.TryFind("bob", out _));

            // PostgreSQL is down for both for longer than the node timeout: their beats fail.
            server.Stop("immediate");
            try
            {
                time.Advance(TimeSpan.FromSeconds(5));
                Assert.False((await a.Lease.BeatAsync(CancellationToken.None)).Renewed);
                Assert.False((await b.Lease.BeatAsync(CancellationToken.None)).Renewed);
                time.Advance(TimeSpan.FromSeconds(20));
                Assert.False((await a.Lease.BeatAsync(CancellationToken.None)).Renewed);
                Assert.True(a.Lease.InOutage);
            }
            finally
            {
                server.Start();
            }

            var first = await a.Lease.BeatAsync(CancellationToken.None);
            Assert.True(first.Renewed);
            Assert.Empty(first.Dead);
            Assert.False(await a.Claims.TryClaimAsync(new TestClaim("bob")));

            time.Advance(TimeSpan.FromSeconds(1));
            var second = await b.Lease.BeatAsync(CancellationToken.None);
            Assert.True(second.Renewed);
            Assert.False(second.Lost);
            Assert.False(b.Lease.MustStopServing(second));

            // b beats on and a does not: once b's hold (one node timeout) is over, a is dead as usual.
            for (var beat = 0; beat < 3; beat++)
            {
                time.Advance(TimeSpan.FromSeconds(5));
                Assert.Empty((await b.Lease.BeatAsync(CancellationToken.None)).Dead);
            }

            time.Advance(TimeSpan.FromSeconds(5));
            var swept = await b.Lease.BeatAsync(CancellationToken.None);
            Assert.Equal("a", Assert.Single(swept.Dead).Name);
        }

        await server.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task A_restarted_node_takes_its_name_over_freeing_its_old_claims_and_numbers_stay_distinct()
    {
        var database = await server.CreateDatabaseAsync();
        var time = new FakeTimeProvider(T0);
        await using var b = ClusterNode.Start(server.ConnectionString(database), "b", time);
        int oldNumber;
        var old = ClusterNode.Start(server.ConnectionString(database), "a", time);
        oldNumber = old.Lease.Number;
        Assert.True(await old.Claims.TryClaimAsync(new TestClaim("bob")));
        await b.WhenAsync(claims => claims.TryFind("bob", out _));
        await old.DisposeAsync(); // killed: no release

        await using (var again = ClusterNode.Start(server.ConnectionString(database), "a", time))
        {
            var previous = Assert.Single(again.Lease.TakenOver);
            Assert.Equal(["bob"], previous.Nicks);
            Assert.NotEqual(b.Lease.Number, again.Lease.Number);
            await b.WhenAsync(claims => !claims.TryFind("bob", out _));
            Assert.True(await again.Claims.TryClaimAsync(new TestClaim("bob")));
        }

        Assert.InRange(oldNumber, 0, InProcessIdAllocator.MaxNodes - 1);
        await server.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task A_holder_row_the_view_no_longer_has_is_released_by_the_check()
    {
        var database = await server.CreateDatabaseAsync();
        var time = new FakeTimeProvider(T0);
        await using (var a = ClusterNode.Start(server.ConnectionString(database), "a", time))
        await using (var b = ClusterNode.Start(server.ConnectionString(database), "b", time))
        {
            var kept = new TestClaim("carol");
            Assert.True(await a.Claims.TryClaimAsync(kept));
            // A release that never reached the database (PostgreSQL was down): a row a's view lacks.
            await using (var connection = new Npgsql.NpgsqlConnection(server.ConnectionString(database)))
            {
                await connection.OpenAsync();
                await using var insert = new Npgsql.NpgsqlCommand(
                    "INSERT INTO nick_claims VALUES ('ghost', 'ghost', NULL, NULL); INSERT INTO nick_holders VALUES ('ghost', 'a')", connection);
                await insert.ExecuteNonQueryAsync();
            }

            Assert.False(await b.Claims.TryClaimAsync(new TestClaim("ghost")));
            await a.Claims.ReleaseStrayAsync();

            Assert.True(await b.Claims.TryClaimAsync(new TestClaim("ghost")));
            Assert.False(await b.Claims.TryClaimAsync(new TestClaim("carol")));
            Assert.Same(kept, a.Claims.TryFind("carol", out var carol) ? carol : null);
        }

        await server.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task An_account_gate_on_one_node_holds_the_other_off_and_shows_it_the_accounts_claims()
    {
        var database = await server.CreateDatabaseAsync();
        var time = new FakeTimeProvider(T0);
        await using (var a = ClusterNode.Start(server.ConnectionString(database), "a", time))
        await using (var b = ClusterNode.Start(server.ConnectionString(database), "b", time))
        {
            await a.Gates.EnterAsync(7, CancellationToken.None);
            Assert.True(await a.Claims.TryClaimAsync(new TestClaim("alice", 7)));
            // Stored under a's gate: committed before b may take it.
            var waiting = a.Messages.Append(new NewMessage(MessageKind.Direct, T0, "bob", null, "alice", 7, "hi", Delivered: false));

            var other = b.Gates.EnterAsync(7, CancellationToken.None).AsTask();
            var unrelated = b.Gates.EnterAsync(8, CancellationToken.None).AsTask();
            await unrelated.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.False(other.IsCompleted);

            a.Gates.Release(7);
            await other.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(waiting.Committed.IsCompleted);
            // Under the gate, b's view of the account is the table's, whatever the notifications did.
            Assert.Equal("alice", b.Claims.FindElsewhere(7)?.Nick);
            Assert.Single(await b.Messages.GetUndeliveredAsync(7, 10));
            b.Gates.Release(7);
            b.Gates.Release(8);
        }

        await server.DropDatabaseAsync(database);
    }
}

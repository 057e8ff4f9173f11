using Parley.Core.Accounts;

namespace Parley.Storage.Contract;

/// <summary>What every durable <see cref="IWebSessionStore"/> promises (docs/web.md "Sign-in sessions").</summary>
public abstract class WebSessionStoreContract : StoreContract
{
    private static readonly string HashA = new('a', 64);
    private static readonly string HashB = new('b', 64);
    private static readonly string HashC = new('c', 64);
    private static readonly string HashD = new('d', 64);

    [Fact]
    public async Task A_session_never_created_is_not_found()
    {
        Assert.Null(await Store.WebSessions.FindAsync(HashA));
    }

    [Fact]
    public async Task A_created_session_is_found_by_its_hash_with_every_field()
    {
        var session = new WebSession(HashA, 7, T0, T0.AddMinutes(1), T0.AddDays(30));

        await Store.WebSessions.CreateAsync(session);

        Assert.Equal(session, await Store.WebSessions.FindAsync(HashA));
        Assert.Null(await Store.WebSessions.FindAsync(HashB));
    }

    [Fact]
    public async Task An_expired_session_is_still_found_the_caller_judges_expiry()
    {
        await Store.WebSessions.CreateAsync(new WebSession(HashA, 7, T0, T0, T0.AddMinutes(1)));

        Assert.NotNull(await Store.WebSessions.FindAsync(HashA));
    }

    [Fact]
    public async Task Creating_a_session_with_a_hash_in_use_throws_and_keeps_the_first()
    {
        var first = new WebSession(HashA, 7, T0, T0, T0.AddDays(1));
        await Store.WebSessions.CreateAsync(first);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Store.WebSessions.CreateAsync(first with { AccountId = 8 }));

        Assert.Equal(first, await Store.WebSessions.FindAsync(HashA));
    }

    [Fact]
    public async Task A_touch_moves_last_use_and_expiry_and_keeps_the_rest()
    {
        await Store.WebSessions.CreateAsync(new WebSession(HashA, 7, T0, T0, T0.AddDays(30)));

        Assert.True(await Store.WebSessions.TouchAsync(HashA, T0.AddDays(2), T0.AddDays(32)));
        Assert.False(await Store.WebSessions.TouchAsync(HashB, T0.AddDays(2), T0.AddDays(32)));

        Assert.Equal(new WebSession(HashA, 7, T0, T0.AddDays(2), T0.AddDays(32)), await Store.WebSessions.FindAsync(HashA));
        Assert.Null(await Store.WebSessions.FindAsync(HashB));
    }

    [Fact]
    public async Task Deleting_a_session_revokes_only_it()
    {
        await Store.WebSessions.CreateAsync(new WebSession(HashA, 7, T0, T0, T0.AddDays(30)));
        await Store.WebSessions.CreateAsync(new WebSession(HashB, 7, T0, T0, T0.AddDays(30)));

        Assert.True(await Store.WebSessions.DeleteAsync(HashA));
        Assert.False(await Store.WebSessions.DeleteAsync(HashA));

        Assert.Null(await Store.WebSessions.FindAsync(HashA));
        Assert.NotNull(await Store.WebSessions.FindAsync(HashB));
    }

    [Fact]
    public async Task Deleting_all_of_an_account_leaves_other_accounts_sessions()
    {
        await Store.WebSessions.CreateAsync(new WebSession(HashA, 7, T0, T0, T0.AddDays(30)));
        await Store.WebSessions.CreateAsync(new WebSession(HashB, 7, T0, T0, T0.AddDays(30)));
        await Store.WebSessions.CreateAsync(new WebSession(HashC, 8, T0, T0, T0.AddDays(30)));

        Assert.Equal(2, await Store.WebSessions.DeleteAllAsync(7));
        Assert.Equal(0, await Store.WebSessions.DeleteAllAsync(7));

        Assert.Null(await Store.WebSessions.FindAsync(HashA));
        Assert.Null(await Store.WebSessions.FindAsync(HashB));
        Assert.NotNull(await Store.WebSessions.FindAsync(HashC));
    }

    [Fact]
    public async Task Deleting_the_oldest_keeps_the_last_used_of_the_account_and_returns_the_hashes_of_the_others()
    {
        // Used last: A (day 3), then B and C (day 2; B created later), so C goes first.
        await Store.WebSessions.CreateAsync(new WebSession(HashA, 7, T0, T0.AddDays(3), T0.AddDays(33)));
        await Store.WebSessions.CreateAsync(new WebSession(HashB, 7, T0.AddDays(2), T0.AddDays(2), T0.AddDays(32)));
        await Store.WebSessions.CreateAsync(new WebSession(HashC, 7, T0.AddDays(1), T0.AddDays(2), T0.AddDays(32)));
        await Store.WebSessions.CreateAsync(new WebSession(HashD, 8, T0, T0, T0.AddDays(30)));

        Assert.Equal([HashC], await Store.WebSessions.DeleteOldestAsync(7, 2));
        Assert.Empty(await Store.WebSessions.DeleteOldestAsync(7, 2));
        Assert.Null(await Store.WebSessions.FindAsync(HashC));
        Assert.NotNull(await Store.WebSessions.FindAsync(HashB));

        Assert.Equal([HashA, HashB], (await Store.WebSessions.DeleteOldestAsync(7, 0)).Order(StringComparer.Ordinal));
        Assert.Null(await Store.WebSessions.FindAsync(HashA));
        Assert.NotNull(await Store.WebSessions.FindAsync(HashD));
    }

    [Fact]
    public async Task Purging_removes_sessions_expired_at_or_before_now_only()
    {
        await Store.WebSessions.CreateAsync(new WebSession(HashA, 7, T0, T0, T0.AddMinutes(1)));
        await Store.WebSessions.CreateAsync(new WebSession(HashB, 7, T0, T0, T0.AddMinutes(2)));
        await Store.WebSessions.CreateAsync(new WebSession(HashC, 8, T0, T0, T0.AddMinutes(3)));

        Assert.Equal(2, await Store.WebSessions.PurgeExpiredAsync(T0.AddMinutes(2)));

        Assert.Null(await Store.WebSessions.FindAsync(HashA));
        Assert.Null(await Store.WebSessions.FindAsync(HashB));
        Assert.NotNull(await Store.WebSessions.FindAsync(HashC));
    }

    [Fact]
    public async Task A_session_and_its_touch_outlive_a_restart_and_a_revocation_stays_revoked()
    {
        var kept = new WebSession(HashA, 7, T0, T0, T0.AddDays(30));
        await Store.WebSessions.CreateAsync(kept);
        await Store.WebSessions.CreateAsync(new WebSession(HashB, 7, T0, T0, T0.AddDays(30)));
        await Store.WebSessions.TouchAsync(HashA, T0.AddDays(1), T0.AddDays(31));
        await Store.WebSessions.DeleteAsync(HashB);

        await ReopenAsync();

        Assert.Equal(kept with { LastUsedUtc = T0.AddDays(1), ExpiresUtc = T0.AddDays(31) }, await Store.WebSessions.FindAsync(HashA));
        Assert.Null(await Store.WebSessions.FindAsync(HashB));
    }

    [Fact]
    public async Task Deleting_an_account_deletes_its_sessions()
    {
        var alice = await CreateAccountAsync("alice");
        var bob = await CreateAccountAsync("bob");
        await Store.WebSessions.CreateAsync(new WebSession(HashA, alice.Id, T0, T0, T0.AddDays(30)));
        await Store.WebSessions.CreateAsync(new WebSession(HashB, bob.Id, T0, T0, T0.AddDays(30)));

        await Store.Accounts.DeleteAsync(alice.Id);

        Assert.Null(await Store.WebSessions.FindAsync(HashA));
        Assert.NotNull(await Store.WebSessions.FindAsync(HashB));
    }
}

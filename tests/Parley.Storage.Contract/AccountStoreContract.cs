namespace Parley.Storage.Contract;

/// <summary>What every <see cref="Core.Accounts.IAccountStore"/> promises.</summary>
public abstract class AccountStoreContract : StoreContract
{
    [Fact]
    public async Task A_created_account_is_found_by_its_nick_in_any_case_and_by_its_id()
    {
        var created = await Store.Accounts.CreateAsync("Alice", "hash", T0);

        Assert.NotNull(created);
        Assert.Equal(created, await Store.Accounts.FindAsync("ALICE"));
        Assert.Equal(created, await Store.Accounts.FindByIdAsync(created.Id));
        Assert.Equal(("Alice", "hash", T0), (created.Nick, created.PasswordHash, created.CreatedUtc));
    }

    [Fact]
    public async Task An_unknown_nick_or_id_finds_nothing()
    {
        var alice = await CreateAccountAsync("alice");

        Assert.Null(await Store.Accounts.FindAsync("bob"));
        Assert.Null(await Store.Accounts.FindByIdAsync(alice.Id + 1000));
    }

    [Fact]
    public async Task Creating_an_account_for_a_nick_registered_in_another_case_returns_null()
    {
        var alice = await Store.Accounts.CreateAsync("Alice", "hash1", T0);
        var again = await Store.Accounts.CreateAsync("alice", "hash2", T0);

        Assert.NotNull(alice);
        Assert.Null(again);
        Assert.Equal(("Alice", "hash1"), ((await Store.Accounts.FindAsync("ALICE"))!.Nick, (await Store.Accounts.FindAsync("alice"))!.PasswordHash));
    }

    [Fact]
    public async Task Accounts_get_distinct_ids()
    {
        var alice = await CreateAccountAsync("alice");
        var bob = await CreateAccountAsync("bob");

        Assert.NotEqual(alice.Id, bob.Id);
    }

    [Fact]
    public async Task An_updated_password_hash_is_what_later_lookups_return_and_only_for_that_account()
    {
        var alice = await CreateAccountAsync("alice");
        var bob = await CreateAccountAsync("bob");

        await Store.Accounts.UpdatePasswordHashAsync(alice.Id, "new-hash");

        Assert.Equal("new-hash", (await Store.Accounts.FindAsync("alice"))!.PasswordHash);
        Assert.Equal("new-hash", (await Store.Accounts.FindByIdAsync(alice.Id))!.PasswordHash);
        Assert.Equal(bob.PasswordHash, (await Store.Accounts.FindAsync("bob"))!.PasswordHash);
    }

    [Fact]
    public async Task A_deleted_account_is_gone_by_nick_and_id_and_deleting_it_again_returns_false()
    {
        var alice = await CreateAccountAsync("alice");
        var bob = await CreateAccountAsync("bob");

        Assert.True(await Store.Accounts.DeleteAsync(alice.Id));
        Assert.False(await Store.Accounts.DeleteAsync(alice.Id));

        Assert.Null(await Store.Accounts.FindAsync("alice"));
        Assert.Null(await Store.Accounts.FindByIdAsync(alice.Id));
        Assert.Equal(bob, await Store.Accounts.FindAsync("bob"));
    }

    [Fact]
    public async Task A_deleted_accounts_nick_can_be_registered_again()
    {
        var alice = await CreateAccountAsync("alice");
        await Store.Accounts.DeleteAsync(alice.Id);

        var again = await Store.Accounts.CreateAsync("ALICE", "other", T0.AddDays(1));

        Assert.NotNull(again);
        Assert.Equal(again, await Store.Accounts.FindAsync("alice"));
    }
}

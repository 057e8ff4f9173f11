using Parley.Core.Moderation;

namespace Parley.Storage.Contract;

/// <summary>What every <see cref="IServerBanStore"/> promises.</summary>
public abstract class ServerBanStoreContract : StoreContract
{
    [Fact]
    public async Task An_empty_store_loads_no_bans()
    {
        Assert.Empty(await Store.ServerBans.LoadAllAsync());
    }

    [Fact]
    public async Task Saved_bans_load_in_the_order_they_were_set_with_their_reasons()
    {
        var later = new ServerBan("~mallory", "root", T0.AddMinutes(1), null);
        var first = new ServerBan("198.51.100.*", "root", T0, "spam");

        await Store.ServerBans.SaveAsync(later);
        await Store.ServerBans.SaveAsync(first);

        Assert.Equal([first, later], await Store.ServerBans.LoadAllAsync());
    }

    [Fact]
    public async Task Saving_a_mask_stored_in_another_case_keeps_the_stored_ban()
    {
        var ban = new ServerBan("~Mallory", "root", T0, "spam");
        await Store.ServerBans.SaveAsync(ban);

        await Store.ServerBans.SaveAsync(new ServerBan("~mallory", "other", T0.AddMinutes(1), null));

        Assert.Equal([ban], await Store.ServerBans.LoadAllAsync());
    }

    [Fact]
    public async Task Delete_in_any_case_removes_only_that_ban_and_a_missing_mask_changes_nothing()
    {
        var kept = new ServerBan("203.0.113.*", "root", T0, null);
        await Store.ServerBans.SaveAsync(new ServerBan("~Mallory", "root", T0, "spam"));
        await Store.ServerBans.SaveAsync(kept);

        await Store.ServerBans.DeleteAsync("~MALLORY");
        await Store.ServerBans.DeleteAsync("~nobody");

        Assert.Equal([kept], await Store.ServerBans.LoadAllAsync());
    }
}

namespace Parley.Storage.Contract;

/// <summary>What every <see cref="Core.ReadMarkers.IReadMarkerStore"/> promises.</summary>
public abstract class ReadMarkerStoreContract : StoreContract
{
    [Fact]
    public async Task A_marker_never_set_is_null()
    {
        Assert.Null(await Store.ReadMarkers.GetAsync(1, "#dev"));
    }

    [Fact]
    public async Task A_set_marker_is_returned_for_the_target_in_any_case()
    {
        var set = await Store.ReadMarkers.SetAsync(1, "#Dev", T0);

        Assert.Equal(T0, set);
        Assert.Equal(T0, await Store.ReadMarkers.GetAsync(1, "#DEV"));
    }

    [Fact]
    public async Task A_marker_never_moves_back_and_the_later_time_is_returned()
    {
        await Store.ReadMarkers.SetAsync(1, "bob", T0.AddMinutes(5));

        var earlier = await Store.ReadMarkers.SetAsync(1, "bob", T0);
        var later = await Store.ReadMarkers.SetAsync(1, "BOB", T0.AddMinutes(9));

        Assert.Equal(T0.AddMinutes(5), earlier);
        Assert.Equal(T0.AddMinutes(9), later);
        Assert.Equal(T0.AddMinutes(9), await Store.ReadMarkers.GetAsync(1, "bob"));
    }

    [Fact]
    public async Task Markers_are_kept_per_account_and_per_target()
    {
        await Store.ReadMarkers.SetAsync(1, "#dev", T0);
        await Store.ReadMarkers.SetAsync(2, "#dev", T0.AddMinutes(1));
        await Store.ReadMarkers.SetAsync(1, "bob", T0.AddMinutes(2));

        Assert.Equal(T0, await Store.ReadMarkers.GetAsync(1, "#dev"));
        Assert.Equal(T0.AddMinutes(1), await Store.ReadMarkers.GetAsync(2, "#dev"));
        Assert.Equal(T0.AddMinutes(2), await Store.ReadMarkers.GetAsync(1, "bob"));
        Assert.Null(await Store.ReadMarkers.GetAsync(2, "bob"));
    }
}

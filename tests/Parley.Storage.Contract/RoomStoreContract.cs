using Parley.Core.Moderation;
using Parley.Core.Rooms;

namespace Parley.Storage.Contract;

/// <summary>What every <see cref="IRoomStore"/> promises.</summary>
public abstract class RoomStoreContract : StoreContract
{
    [Fact]
    public async Task A_saved_room_loads_with_its_owner_modes_key_limit_topic_and_time()
    {
        var room = Room("#Dev") with { Limit = 12 };

        await Store.Rooms.SaveAsync(room);

        var loaded = Assert.Single(await Store.Rooms.LoadAllAsync());
        Assert.Equal(
            ("#Dev", 7L, RoomModes.Keyed | RoomModes.TopicLocked, (string?)"sesame", 12, T0),
            (loaded.Name, loaded.OwnerAccountId, loaded.Modes, loaded.Key, loaded.Limit, loaded.CreatedAt));
        Assert.Equal(new RoomTopic("ship it", "alice", T0), loaded.Topic);
    }

    [Fact]
    public async Task A_room_without_topic_or_key_loads_without_them()
    {
        await Store.Rooms.SaveAsync(Room("#dev") with { Key = null, Topic = null, Modes = RoomModes.None });

        var loaded = Assert.Single(await Store.Rooms.LoadAllAsync());
        Assert.Equal(((string?)null, (RoomTopic?)null, RoomModes.None), (loaded.Key, loaded.Topic, loaded.Modes));
    }

    [Fact]
    public async Task Bans_and_the_other_mask_lists_load_in_the_order_set_each_in_its_own_list()
    {
        var lists = new Dictionary<RoomList, IReadOnlyList<BanMask>>
        {
            [RoomList.Exceptions] = [new BanMask("friend*", "alice", T0)],
            [RoomList.InviteExceptions] = [new BanMask("~bob", "alice", T0.AddSeconds(1))],
            [RoomList.Mutes] = [new BanMask("loud*", "alice", T0.AddSeconds(2)), new BanMask("shout*", "alice", T0.AddSeconds(3))],
        };
        await Store.Rooms.SaveAsync(Room("#dev") with { Lists = lists });

        var loaded = Assert.Single(await Store.Rooms.LoadAllAsync());

        Assert.Equal([new BanMask("spam*", "alice", T0), new BanMask("~mallory", "alice", T0.AddSeconds(1))], loaded.Bans);
        foreach (var (list, masks) in lists)
            Assert.Equal(masks, loaded.Lists.GetValueOrDefault(list) ?? []);
    }

    [Fact]
    public async Task Saving_again_replaces_the_record_matched_by_name_in_any_case()
    {
        var room = Room("#Dev");
        await Store.Rooms.SaveAsync(room);

        await Store.Rooms.SaveAsync(room with { Name = "#DEV", Bans = [room.Bans[1]], Topic = new RoomTopic("new", "bob", T0.AddHours(1)) });

        var loaded = Assert.Single(await Store.Rooms.LoadAllAsync());
        Assert.Equal([room.Bans[1]], loaded.Bans);
        Assert.Equal(new RoomTopic("new", "bob", T0.AddHours(1)), loaded.Topic);
    }

    [Fact]
    public async Task A_cleared_topic_stays_cleared()
    {
        await Store.Rooms.SaveAsync(Room("#dev"));

        await Store.Rooms.SaveAsync(Room("#dev") with { Topic = null });

        Assert.Null(Assert.Single(await Store.Rooms.LoadAllAsync()).Topic);
    }

    [Fact]
    public async Task Delete_in_any_case_forgets_only_that_room_with_its_bans()
    {
        await Store.Rooms.SaveAsync(Room("#Dev"));
        await Store.Rooms.SaveAsync(Room("#ops") with { Key = null });

        await Store.Rooms.DeleteAsync("#DEV");
        await Store.Rooms.DeleteAsync("#never-saved");

        Assert.Equal(["#ops"], (await Store.Rooms.LoadAllAsync()).Select(r => r.Name));
        await Store.Rooms.SaveAsync(Room("#dev") with { Bans = [] });
        Assert.Empty((await Store.Rooms.LoadAllAsync()).Single(r => r.Name == "#dev").Bans);
    }
}

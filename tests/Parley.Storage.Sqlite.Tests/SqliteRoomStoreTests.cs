using Parley.Core.Moderation;
using Parley.Core.Rooms;

namespace Parley.Storage.Sqlite.Tests;

public sealed class SqliteRoomStoreTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Saved_room_with_topic_key_and_bans_loads_after_reopen_and_delete_forgets_it()
    {
        using var db = new TempDatabase();
        var room = new RegisteredRoom(
            "#Dev", 7, RoomModes.Keyed | RoomModes.TopicLocked, "sesame", new RoomTopic("ship it", "alice", T0),
            [new BanMask("spam*", "alice", T0), new BanMask("~mallory", "alice", T0.AddSeconds(1))], T0);
        await new SqliteRoomStore(db.Database).SaveAsync(room);
        await new SqliteRoomStore(db.Database).SaveAsync(room with { Bans = [room.Bans[1]], Topic = null });
        await new SqliteRoomStore(db.Database).SaveAsync(room with { Name = "#ops", Key = null });

        db.Reopen();
        var store = new SqliteRoomStore(db.Database);
        var loaded = await store.LoadAllAsync();

        var dev = loaded.Single(r => r.Name == "#Dev");
        Assert.Equal((7L, RoomModes.Keyed | RoomModes.TopicLocked, "sesame", (RoomTopic?)null, T0), (dev.OwnerAccountId, dev.Modes, dev.Key, dev.Topic, dev.CreatedAt));
        Assert.Equal([new BanMask("~mallory", "alice", T0.AddSeconds(1))], dev.Bans);
        await store.DeleteAsync("#DEV");
        Assert.Equal(["#ops"], (await store.LoadAllAsync()).Select(r => r.Name));
    }

    [Fact]
    public async Task Room_history_pages_by_id_keeps_registered_rooms_messages_and_forgets_the_others()
    {
        using var db = new TempDatabase();
        await new SqliteRoomStore(db.Database).SaveAsync(new RegisteredRoom("#keep", 1, RoomModes.None, null, null, [], T0));
        var history = new SqliteRoomHistory(db.Database);
        for (var i = 1; i <= 5; i++)
        {
            await history.Append(new RoomMessage(1000 + i, "#keep", "alice", $"k{i}", T0.AddSeconds(i), FromAccountId: 1));
            await history.Append(new RoomMessage(2000 + i, "#temp", "bob", $"t{i}", T0.AddSeconds(i)));
        }

        Assert.Equal(["k4", "k5"], (await history.ReadAsync("#KEEP", 2, null)).Select(m => m.Text));
        var page = await history.ReadAsync("#keep", 2, beforeId: 1004);
        Assert.Equal([(1002L, "k2", (long?)1), (1003L, "k3", (long?)1)], page.Select(m => (m.Id, m.Text, m.FromAccountId)));
        history.OnRoomClosed("#temp");
        Assert.Empty(await history.ReadAsync("#temp", 10, null));

        await history.Append(new RoomMessage(3000, "#gone", "bob", "left behind", T0));
        db.Reopen();
        var reopened = new SqliteRoomHistory(db.Database);

        Assert.Equal(3000, reopened.LastId);
        Assert.Empty(await reopened.ReadAsync("#gone", 10, null));
        Assert.Equal(5, (await reopened.ReadAsync("#keep", 10, null)).Count);
    }
}

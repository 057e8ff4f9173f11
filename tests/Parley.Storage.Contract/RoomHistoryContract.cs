using Parley.Core.Rooms;

namespace Parley.Storage.Contract;

/// <summary>What every <see cref="IRoomHistory"/> promises.</summary>
public abstract class RoomHistoryContract : StoreContract
{
    [Fact]
    public async Task An_empty_history_has_last_id_0_and_no_messages()
    {
        Assert.Equal(0, Store.RoomHistory.LastId);
        Assert.Empty(await Store.RoomHistory.ReadAsync("#dev", 10, null));
        Assert.Empty(await Store.RoomHistory.ReadWithEventsAsync("#dev", 10, null));
    }

    [Fact]
    public async Task Reads_return_the_latest_messages_oldest_first_in_any_case_and_page_back_by_id()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Store.RoomHistory.Append(new RoomMessage(1000 + i, "#Keep", "alice", $"k{i}", T0.AddSeconds(i), FromAccountId: 1));
            await Store.RoomHistory.Append(new RoomMessage(2000 + i, "#temp", "bob", $"t{i}", T0.AddSeconds(i)));
        }

        Assert.Equal(["k4", "k5"], (await Store.RoomHistory.ReadAsync("#KEEP", 2, null)).Select(m => m.Text));
        var page = await Store.RoomHistory.ReadAsync("#keep", 2, beforeId: 1004);
        Assert.Equal([(1002L, "k2", (long?)1), (1003L, "k3", (long?)1)], page.Select(m => (m.Id, m.Text, m.FromAccountId)));
        Assert.Equal(new RoomMessage(2001, "#temp", "bob", "t1", T0.AddSeconds(1)), (await Store.RoomHistory.ReadAsync("#temp", 10, null))[0]);
    }

    [Fact]
    public async Task Messages_appended_out_of_id_order_are_read_in_id_order()
    {
        await Store.RoomHistory.Append(new RoomMessage(12, "#dev", "bob", "second", T0));
        await Store.RoomHistory.Append(new RoomMessage(11, "#dev", "alice", "first", T0));

        Assert.Equal(["first", "second"], (await Store.RoomHistory.ReadAsync("#dev", 10, null)).Select(m => m.Text));
    }

    [Fact]
    public async Task A_closed_room_is_forgotten_and_the_others_are_kept()
    {
        await Store.RoomHistory.Append(new RoomMessage(1, "#temp", "bob", "gone", T0));
        await Store.RoomHistory.Append(new RoomMessage(2, "#stay", "bob", "kept", T0));

        Store.RoomHistory.OnRoomClosed("#TEMP");

        Assert.Empty(await Store.RoomHistory.ReadAsync("#temp", 10, null));
        Assert.Equal(["kept"], (await Store.RoomHistory.ReadAsync("#stay", 10, null)).Select(m => m.Text));
    }

    [Fact]
    public async Task A_message_is_found_by_room_and_id_and_a_removed_one_is_read_no_more()
    {
        await Store.RoomHistory.Append(new RoomMessage(1, "#dev", "alice", "kept", T0));
        await Store.RoomHistory.Append(new RoomMessage(2, "#dev", "alice", "oops", T0, FromAccountId: 3));

        var found = await Store.RoomHistory.FindAsync("#DEV", 2);
        var elsewhere = await Store.RoomHistory.FindAsync("#other", 2);
        await Store.RoomHistory.RemoveAsync("#dev", 2);

        Assert.Equal(new RoomMessage(2, "#dev", "alice", "oops", T0, FromAccountId: 3), found);
        Assert.Null(elsewhere);
        Assert.Null(await Store.RoomHistory.FindAsync("#dev", 2));
        Assert.Equal(["kept"], (await Store.RoomHistory.ReadAsync("#dev", 10, null)).Select(m => m.Text));
    }

    [Fact]
    public async Task Events_are_read_only_with_events_among_the_messages_in_id_order()
    {
        Store.RoomHistory.AppendEvent(new RoomMessage(1, "#dev", "alice", "", T0) { Kind = RoomEntryKind.Join });
        await Store.RoomHistory.Append(new RoomMessage(2, "#dev", "alice", "hello", T0));
        Store.RoomHistory.AppendEvent(new RoomMessage(3, "#dev", "alice", "spam", T0) { Kind = RoomEntryKind.Kick, Target = "bob" });

        var messages = await Store.RoomHistory.ReadAsync("#dev", 10, null);
        var all = await Store.RoomHistory.ReadWithEventsAsync("#dev", 10, null);

        Assert.Equal(["hello"], messages.Select(m => m.Text));
        Assert.Equal([(1L, RoomEntryKind.Join, (string?)null), (2L, RoomEntryKind.Message, null), (3L, RoomEntryKind.Kick, "bob")], all.Select(m => (m.Id, m.Kind, m.Target)));
        Assert.Null(await Store.RoomHistory.FindAsync("#dev", 3));
    }

    [Fact]
    public async Task The_latest_time_is_the_newest_message_strictly_inside_the_window()
    {
        await Store.RoomHistory.Append(new RoomMessage(1, "#dev", "alice", "a", T0.AddMinutes(1)));
        await Store.RoomHistory.Append(new RoomMessage(2, "#dev", "alice", "b", T0.AddMinutes(2)));
        await Store.RoomHistory.Append(new RoomMessage(3, "#dev", "alice", "c", T0.AddMinutes(5)));
        Store.RoomHistory.AppendEvent(new RoomMessage(4, "#dev", "alice", "", T0.AddMinutes(3)) { Kind = RoomEntryKind.Part });

        Assert.Equal(T0.AddMinutes(2), await Store.RoomHistory.GetLatestTimeAsync("#DEV", T0, T0.AddMinutes(5)));
        Assert.Null(await Store.RoomHistory.GetLatestTimeAsync("#dev", T0.AddMinutes(5), T0.AddMinutes(9)));
        Assert.Null(await Store.RoomHistory.GetLatestTimeAsync("#other", T0, T0.AddMinutes(9)));
    }
}

using Parley.Core.Accounts;
using Parley.Core.Messages;
using Parley.Core.Moderation;
using Parley.Core.Rooms;

namespace Parley.Storage.Contract;

/// <summary>
/// What every durable provider promises: what a write acknowledged (its task completed) is there
/// after the stores are closed and opened again on the same data (for SQLite, a new instance on
/// the same file), as after a server restart.
/// </summary>
public abstract class DurabilityContract : StoreContract
{
    [Fact]
    public async Task Accounts_passwords_and_certificates_survive_a_reopen()
    {
        var alice = await CreateAccountAsync("Alice");
        var bob = await CreateAccountAsync("bob");
        await Store.Accounts.UpdatePasswordHashAsync(alice.Id, "new-hash");
        await Store.Accounts.DeleteAsync(bob.Id);
        await Store.Certificates.AddAsync(alice.Id, Fingerprint, "laptop", T0, maxPerAccount: 20);

        await ReopenAsync();

        var reopened = await Store.Accounts.FindAsync("alice");
        Assert.Equal(alice with { PasswordHash = "new-hash" }, reopened);
        Assert.Null(await Store.Accounts.FindAsync("bob"));
        Assert.Null(await Store.Accounts.CreateAsync("ALICE", "h", T0));
        Assert.Equal(reopened, await Store.Certificates.FindAccountByCertificateAsync(Fingerprint));
        Assert.Equal([new AccountCertificate(Fingerprint, alice.Id, T0, "laptop")], await Store.Certificates.ListAsync(alice.Id));
    }

    [Fact]
    public async Task Messages_survive_a_reopen_and_ids_continue_after_them()
    {
        var first = Store.Messages.Append(Broadcast("alice", "one", T0));
        var second = Store.Messages.Append(Broadcast("bob", "two", T0));
        await Task.WhenAll(first.Committed, second.Committed);

        await ReopenAsync();
        var third = Store.Messages.Append(Broadcast("carol", "three", T0));
        await third.Committed;

        Assert.True(first.Message.Id < second.Message.Id && second.Message.Id < third.Message.Id, $"ids {first.Message.Id}, {second.Message.Id}, {third.Message.Id}");
        var history = await Store.Messages.GetHistoryAsync(new HistoryQuery(0, null, 10, null));
        Assert.Equal(["one", "two", "three"], history.Select(m => m.Text));
        Assert.Equal(T0, history[0].SentUtc);
    }

    [Fact]
    public async Task Waiting_delivered_and_removed_messages_stay_so_after_a_reopen()
    {
        var bob = await CreateAccountAsync("bob");
        var delivered = Store.Messages.Append(new NewMessage(MessageKind.Direct, T0, "alice", null, "bob", bob.Id, "read", Delivered: false));
        var waiting = Store.Messages.Append(new NewMessage(MessageKind.Direct, T0, "alice", null, "bob", bob.Id, "waiting", Delivered: false));
        var removed = Store.Messages.Append(Broadcast("alice", "oops", T0));
        await Task.WhenAll(delivered.Committed, waiting.Committed, removed.Committed);
        await Store.Messages.MarkDeliveredAsync(bob.Id, delivered.Message.Id);
        await Store.Messages.RemoveAsync(removed.Message.Id);

        await ReopenAsync();

        Assert.Equal(["waiting"], (await Store.Messages.GetUndeliveredAsync(bob.Id, 10)).Select(m => m.Text));
        Assert.Null(await Store.Messages.FindAsync(removed.Message.Id));
    }

    [Fact]
    public async Task Rooms_survive_a_reopen_and_a_deleted_one_stays_deleted()
    {
        var room = Room("#Dev") with { Limit = 3 };
        await Store.Rooms.SaveAsync(room);
        await Store.Rooms.SaveAsync(room with { Name = "#gone" });
        await Store.Rooms.DeleteAsync("#gone");

        await ReopenAsync();

        var loaded = Assert.Single(await Store.Rooms.LoadAllAsync());
        Assert.Equal((room.Name, room.OwnerAccountId, room.Modes, room.Key, room.Topic, room.Limit, room.CreatedAt), (loaded.Name, loaded.OwnerAccountId, loaded.Modes, loaded.Key, loaded.Topic, loaded.Limit, loaded.CreatedAt));
        Assert.Equal(room.Bans, loaded.Bans);
    }

    [Fact]
    public async Task Registered_rooms_history_survives_a_reopen_with_its_last_id_and_other_rooms_are_forgotten()
    {
        await Store.Rooms.SaveAsync(Room("#keep"));
        for (var i = 1; i <= 5; i++)
            await Store.RoomHistory.Append(new RoomMessage(1000 + i, "#keep", "alice", $"k{i}", T0.AddSeconds(i), FromAccountId: 1));
        await Store.RoomHistory.Append(new RoomMessage(3000, "#gone", "bob", "left behind", T0));

        await ReopenAsync();

        Assert.Equal(3000, Store.RoomHistory.LastId);
        Assert.Empty(await Store.RoomHistory.ReadAsync("#gone", 10, null));
        Assert.Equal(["k1", "k2", "k3", "k4", "k5"], (await Store.RoomHistory.ReadAsync("#keep", 10, null)).Select(m => m.Text));
    }

    [Fact]
    public async Task Read_markers_and_server_bans_survive_a_reopen()
    {
        var ban = new ServerBan("198.51.100.*", "root", T0, "spam");
        await Store.ReadMarkers.SetAsync(1, "#dev", T0);
        await Store.ServerBans.SaveAsync(ban);
        await Store.ServerBans.SaveAsync(ban with { Mask = "~gone" });
        await Store.ServerBans.DeleteAsync("~gone");

        await ReopenAsync();

        Assert.Equal(T0, await Store.ReadMarkers.GetAsync(1, "#DEV"));
        Assert.Equal([ban], await Store.ServerBans.LoadAllAsync());
    }
}

using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Rooms;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

/// <summary>
/// Registered rooms persist through the <see cref="IRoomStore"/> port. Until the SQLite store is
/// merged, the same in-memory store instance serves two servers in turn: a restart as far as the
/// server can tell.
/// </summary>
public sealed class RoomPersistenceTests
{
    [Fact]
    public async Task Registered_room_keeps_topic_modes_and_bans_across_a_restart_and_unregistered_rooms_do_not()
    {
        var store = new InMemoryRoomStore();
        void SharedStore(IServiceCollection services) => services.AddSingleton<IRoomStore>(store);

        await using (var first = await ParleyTestServer.StartAsync(configureServices: SharedStore))
        {
            await using var alice = await first.ConnectAsAsync("alice");
            await alice.JoinAsync("#keep");
            await alice.JoinAsync("#temp");
            // Registration needs accounts (not merged yet); the core's hook is what /register will call.
            Assert.Equal(Core.Presence.ChatError.None, await first.Hub.Rooms.RegisterAsync(first.Hub.FindByNick("alice")!, "#keep", "alice"));
            await alice.CommandAsync("/topic #keep kept across restarts");
            await alice.CommandAsync("/mode #keep +t");
            await alice.CommandAsync("/ban #keep spam*");
            await alice.SendAsync("/quit");
            await alice.ReadUntilClosedAsync();
        }

        await using var second = await ParleyTestServer.StartAsync(configureServices: SharedStore);
        await using var bob = await second.ConnectAsAsync("bob");
        await using var spammer = await second.ConnectAsAsync("spammer");

        Assert.Equal(["LIST #keep 0 kept across restarts"], (await bob.CommandAsync("/rooms")).Before.Where(l => l.StartsWith("LIST", StringComparison.Ordinal)));
        var joined = await bob.JoinAsync("#keep");
        Assert.Matches("^TOPIC #keep alice \\S+Z kept across restarts$", joined.Single(l => l.StartsWith("TOPIC", StringComparison.Ordinal)));
        Assert.Equal("OK #keep modes +t", (await bob.CommandAsync("/mode #keep")).Reply);
        Assert.Equal("ERR BANNED you are banned from #keep", (await spammer.CommandAsync("/join #keep")).Reply);
        Assert.Equal("ERR NOT_ROOM_OP you need op rights in #keep for that", (await bob.CommandAsync("/topic #keep mine now")).Reply);
    }
}

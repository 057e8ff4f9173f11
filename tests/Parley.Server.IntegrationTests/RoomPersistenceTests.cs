using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

/// <summary>
/// Registered rooms and room messages persist in the server's SQLite database: a test server is
/// stopped and a new one started on the same data directory (<see cref="ParleyTestServer.RestartAsync"/>).
/// </summary>
public sealed class RoomPersistenceTests
{
    private const string Password = "correct-horse";

    [Fact]
    public async Task Registered_room_keeps_topic_modes_key_and_bans_across_a_restart_and_unregistered_rooms_do_not()
    {
        await using var first = await ParleyTestServer.StartAsync();
        await using (var alice = await first.ConnectNewAccountAsync("alice", Password))
        {
            await alice.JoinAsync("#keep");
            await alice.JoinAsync("#temp");
            Assert.Equal("OK registered #keep to alice", (await alice.CommandAsync("/register #keep")).Reply);
            await alice.CommandAsync("/topic #keep kept across restarts");
            Assert.Equal("OK #keep modes +knt", (await alice.CommandAsync("/mode #keep +tk sesame")).Reply);
            await alice.CommandAsync("/ban #keep spam*");
            await alice.CommandAsync("/ban #keep ~mallory");
        }

        await using var second = await first.RestartAsync();
        await using var bob = await second.ConnectAsAsync("bob");
        await using var spammer = await second.ConnectAsAsync("spammer");

        Assert.Equal(["LIST #keep 0 kept across restarts"], (await bob.CommandAsync("/rooms")).Before.Where(l => l.StartsWith("LIST", StringComparison.Ordinal)));
        Assert.Equal("ERR BAD_KEY #keep needs its key: /join #keep <key>", (await bob.CommandAsync("/join #keep")).Reply);
        var joined = await bob.JoinAsync("#keep", "sesame");
        Assert.Matches("^TOPIC #keep alice \\S+Z kept across restarts$", joined.Single(l => l.StartsWith("TOPIC", StringComparison.Ordinal)));
        Assert.Equal("OK #keep modes +knt", (await bob.CommandAsync("/mode #keep")).Reply);
        Assert.Equal("ERR BANNED you are banned from #keep", (await spammer.CommandAsync("/join #keep sesame")).Reply);
        Assert.Equal("ERR NOT_ROOM_OP you need op rights in #keep for that", (await bob.CommandAsync("/topic #keep mine now")).Reply);
        var (_, bans) = await bob.CommandAsync("/ban #keep");
        Assert.Equal(["spam*", "~mallory"], bans.Select(l => l.Split(' ')[2]));

        await using var alice2 = await second.ConnectLoggedInAsync("alice", Password);
        var rejoined = await alice2.JoinAsync("#keep");
        Assert.Contains("MEMBERS #keep ~alice bob", rejoined);
        await bob.WaitForAsync(l => l == "ROOM #keep alice joined");
        Assert.Equal("OK topic of #keep set", (await alice2.CommandAsync("/topic #keep the owner is back")).Reply);
        Assert.Equal("ERR NO_SUCH_ROOM #temp does not exist", (await bob.CommandAsync("/who #temp")).Reply);
    }

    [Fact]
    public async Task Owner_of_a_registered_room_joins_it_without_its_key_or_an_invite_and_others_still_need_them()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectNewAccountAsync("alice", Password);
        await alice.JoinAsync("#vault");
        await alice.CommandAsync("/register #vault");
        Assert.Equal("OK #vault modes +ikn", (await alice.CommandAsync("/mode #vault +ik sesame")).Reply);
        await alice.CommandAsync("/part #vault");

        Assert.StartsWith("OK joined #vault", (await alice.CommandAsync("/join #vault")).Reply, StringComparison.Ordinal);

        await using var bob = await server.ConnectAsAsync("bob");
        Assert.StartsWith("ERR INVITE_ONLY", (await bob.CommandAsync("/join #vault sesame")).Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Room_messages_survive_a_restart_and_show_on_join_and_page_back_with_history()
    {
        await using var first = await ParleyTestServer.StartAsync(new Dictionary<string, string?> { ["Parley:Rooms:HistoryOnJoin"] = "5" });
        await using (var alice = await first.ConnectNewAccountAsync("alice", Password))
        {
            await alice.JoinAsync("#keep");
            await alice.CommandAsync("/register #keep");
            for (var i = 0; i < 12; i++)
                Assert.Equal("OK sent to 0 members of #keep", (await alice.CommandAsync($"@#keep:m{i}")).Reply);
        }

        await using var second = await first.RestartAsync();
        await using var bob = await second.ConnectAsAsync("bob");

        var joined = await bob.JoinAsync("#keep");
        var shown = joined.Where(l => l.StartsWith("HIST ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["m7", "m8", "m9", "m10", "m11"], shown.Select(Text));
        Assert.All(shown, l => Assert.Contains(" alice -> #keep: ", l, StringComparison.Ordinal));

        var oldestShown = shown[0].Split(' ')[1];
        var (page, older) = await bob.CommandAsync($"/history #keep 5 {oldestShown}");
        Assert.Equal(["m2", "m3", "m4", "m5", "m6"], older.Select(Text));
        Assert.Equal($"OK 5 messages in #keep; older: /history #keep 5 {older[0].Split(' ')[1]}", page);
        var (last, oldest) = await bob.CommandAsync($"/history #keep 5 {older[0].Split(' ')[1]}");
        Assert.Equal(["m0", "m1"], oldest.Select(Text));
        Assert.Equal("OK 2 messages in #keep", last);

        // New ids continue above the stored ones.
        var (_, echo) = await bob.CommandAsync("@#keep:after the restart");
        Assert.True(long.Parse(echo.Single().Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) > long.Parse(shown[^1].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Unregistered_room_vanishes_with_its_history_when_empty()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using (var alice = await server.ConnectAsAsync("alice"))
        {
            await alice.JoinAsync("#temp");
            await alice.CommandAsync("@#temp:secret plans");
            await alice.CommandAsync("/part #temp");
        }

        await using var bob = await server.ConnectAsAsync("bob");
        var joined = await bob.JoinAsync("#temp");

        Assert.DoesNotContain(joined, l => l.StartsWith("HIST ", StringComparison.Ordinal));
        Assert.Equal("OK 0 messages in #temp", (await bob.CommandAsync("/history #temp")).Reply);
    }

    [Fact]
    public async Task Register_room_is_refused_to_guests_non_ops_and_registered_rooms()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var guest = await server.ConnectAsAsync("guest");
        await using var alice = await server.ConnectNewAccountAsync("alice", Password);
        await using var bob = await server.ConnectNewAccountAsync("bob", Password);
        await guest.JoinAsync("#dev");
        await alice.JoinAsync("#dev");
        await bob.JoinAsync("#dev");

        Assert.Equal("ERR NOT_LOGGED_IN log in first with /login <nick> <password>", (await guest.CommandAsync("/register #dev")).Reply);
        Assert.Equal("ERR NOT_ROOM_OP you need op rights in #dev for that", (await alice.CommandAsync("/register #dev")).Reply);
        Assert.Equal("ERR NO_SUCH_ROOM #nope does not exist", (await alice.CommandAsync("/register #nope")).Reply);
        await guest.CommandAsync("/op #dev alice");

        Assert.Equal("OK registered #dev to alice", (await alice.CommandAsync("/register #dev")).Reply);
        await bob.WaitForAsync(l => l == "ROOM #dev alice registered the room to their account");
        Assert.Equal("ERR ROOM_REGISTERED #dev is registered already", (await alice.CommandAsync("/register #dev")).Reply);
        Assert.Equal("MEMBERS #dev ~alice @guest bob", (await bob.CommandAsync("/who #dev")).Before.Single(l => l.StartsWith("MEMBERS", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Unregister_is_for_the_owner_and_makes_the_room_vanish_when_empty()
    {
        await using var first = await ParleyTestServer.StartAsync();
        await using (var alice = await first.ConnectNewAccountAsync("alice", Password))
        {
            await alice.JoinAsync("#keep");
            await alice.CommandAsync("/register #keep");
            await alice.CommandAsync("@#keep:kept");
            await alice.CommandAsync("/part #keep");
            await using var bob = await first.ConnectNewAccountAsync("bob", Password);
            Assert.Equal("ERR NOT_ROOM_OWNER only the owner account of #keep may do that", (await bob.CommandAsync("/unregister #keep")).Reply);
            Assert.Equal("ERR ROOM_NOT_REGISTERED #other is not registered", await UnregisterOtherAsync(bob));
        }

        await using var second = await first.RestartAsync();
        await using (var alice = await second.ConnectLoggedInAsync("alice", Password))
        {
            Assert.Equal("OK unregistered #keep", (await alice.CommandAsync("/unregister #keep")).Reply);
            Assert.Equal("OK 0 rooms", (await alice.CommandAsync("/rooms")).Reply);
        }

        await using var third = await second.RestartAsync();
        await using var carol = await third.ConnectAsAsync("carol");
        Assert.Equal("OK 0 rooms", (await carol.CommandAsync("/rooms")).Reply);
        var joined = await carol.JoinAsync("#keep");
        Assert.DoesNotContain(joined, l => l.StartsWith("HIST ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ban_by_account_keeps_the_account_out_from_every_device_but_not_other_nicks()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectNewAccountAsync("alice", Password);
        await using var mallory = await server.ConnectNewAccountAsync("mallory", Password);
        await using var phone = await server.ConnectLoggedInAsync("mallory", Password);
        await using var guest = await server.ConnectAsAsync("mallory2");
        await alice.JoinAsync("#dev");

        Assert.Equal("OK banned ~mallory from #dev", (await alice.CommandAsync("/ban #dev ~mallory")).Reply);
        Assert.Equal("ERR INVALID_MASK a mask is <nick>, <nick>@<address> or ~<account>, with * and ?; a room has at most so many bans", (await alice.CommandAsync("/ban #dev ~mal@10.*")).Reply);

        Assert.Equal("ERR BANNED you are banned from #dev", (await mallory.CommandAsync("/join #dev")).Reply);
        Assert.Equal("ERR BANNED you are banned from #dev", (await phone.CommandAsync("/join #dev")).Reply);
        await guest.JoinAsync("#dev");
    }

    private static string Text(string line) => line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..];

    private static async Task<string> UnregisterOtherAsync(LineTestClient client)
    {
        await client.JoinAsync("#other");
        return (await client.CommandAsync("/unregister #other")).Reply;
    }
}

using Parley.Protocols.Line;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Accounts;

/// <summary>Rooms and accounts together: membership is per connection; an account's own room messages come back as ECHO.</summary>
public sealed class MultiDeviceRoomTests
{
    private const string Password = "correct-horse";

    [Fact]
    public async Task Room_message_echoes_to_the_senders_devices_in_the_room_only()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var laptop = await server.ConnectNewAccountAsync("alice", Password);
        await using var phone = await server.ConnectLoggedInAsync("alice", Password);
        await using var tablet = await server.ConnectLoggedInAsync("alice", Password);
        await using var bob = await server.ConnectAsAsync("bob");
        await laptop.JoinAsync("#dev");
        await phone.JoinAsync("#dev");
        await bob.JoinAsync("#dev");

        var (reply, before) = await laptop.CommandAsync("@#dev:hi from the laptop");

        Assert.Equal("OK sent to 1 member of #dev", reply);
        var echo = ServerLineParser.Parse(Assert.Single(before, l => l.StartsWith("ECHO ", StringComparison.Ordinal)));
        Assert.Equal(("alice", "#dev", "#dev", "hi from the laptop"), (echo.From, echo.To, echo.Room, echo.Text));
        await bob.WaitForAsync(l => l == "RM #dev alice: hi from the laptop");
        var phoneEcho = await phone.WaitForAsync(l => l.StartsWith("ECHO ", StringComparison.Ordinal));
        Assert.Equal(echo.Raw, phoneEcho.Line);
        Assert.DoesNotContain(phoneEcho.Skipped, l => l.StartsWith("RM ", StringComparison.Ordinal));
        Assert.DoesNotContain(await tablet.DrainAsync(), l => l.StartsWith("RM ", StringComparison.Ordinal) || l.StartsWith("ECHO ", StringComparison.Ordinal));

        var (history, lines) = await tablet.CommandAsync("/history #dev");
        Assert.Equal("ERR NOT_IN_ROOM you are not in #dev", history);
        await tablet.JoinAsync("#dev");
        (history, lines) = await tablet.CommandAsync("/history #dev");
        Assert.Equal("OK 1 message in #dev", history);
        Assert.Equal($"HIST {echo.MessageId} {LineWriter.FormatTime(echo.Time!.Value)} alice -> #dev: hi from the laptop", Assert.Single(lines, l => l.StartsWith("HIST ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Kick_removes_every_connection_of_the_nick_and_logout_leaves_the_rooms()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        await bob.JoinAsync("#dev");
        await bob.JoinAsync("#ops");
        await using var laptop = await server.ConnectNewAccountAsync("alice", Password);
        await using var phone = await server.ConnectLoggedInAsync("alice", Password);
        await laptop.JoinAsync("#dev");
        await phone.JoinAsync("#dev");
        await phone.JoinAsync("#ops");

        Assert.Equal("OK kicked alice from #dev", (await bob.CommandAsync("/kick #dev alice enough")).Reply);
        await laptop.WaitForAsync(l => l == "ROOM #dev alice was kicked by bob (enough)");
        await phone.WaitForAsync(l => l == "ROOM #dev alice was kicked by bob (enough)");
        Assert.Equal("MEMBERS #dev @bob", Assert.Single((await bob.CommandAsync("/who #dev")).Before));

        Assert.Equal("OK logged out of alice", (await phone.CommandAsync("/logout")).Reply);
        await bob.WaitForAsync(l => l == "ROOM #ops alice quit (logged out)");
        Assert.Equal("MEMBERS #ops @bob", Assert.Single((await bob.CommandAsync("/who #ops")).Before));
        Assert.Equal(["alice", "bob"], server.Hub.OnlineNicks().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Account_in_a_room_from_two_devices_is_listed_and_announced_once()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        await bob.JoinAsync("#dev");
        await using var laptop = await server.ConnectNewAccountAsync("alice", Password);
        await using var phone = await server.ConnectLoggedInAsync("alice", Password);
        await laptop.JoinAsync("#dev");
        await bob.WaitForAsync(l => l == "ROOM #dev alice joined");
        await bob.CommandAsync("/voice #dev alice");

        Assert.Equal("OK joined #dev (2 members)", (await phone.CommandAsync("/join #dev")).Reply);
        var (who, members) = await bob.CommandAsync("/who #dev");
        Assert.Equal(("OK 2 members in #dev", "MEMBERS #dev @bob +alice"), (who, Assert.Single(members)));
        await phone.CommandAsync("/part #dev");
        await laptop.CommandAsync("/part #dev");

        var (_, seen) = await bob.WaitForAsync(l => l == "ROOM #dev alice left");
        Assert.DoesNotContain(seen, l => l.StartsWith("ROOM #dev alice", StringComparison.Ordinal));
        Assert.Equal("OK 1 member in #dev", (await bob.CommandAsync("/who #dev")).Reply);
    }
}

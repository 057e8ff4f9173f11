using Parley.Protocols.Line;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Accounts;

public sealed class MultiDeviceTests
{
    private const string Password = "correct-horse";

    [Fact]
    public async Task Every_device_receives_the_accounts_messages_and_sees_what_the_others_sent()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var laptop = await server.ConnectNewAccountAsync("alice", Password);
        await using var phone = await server.ConnectLoggedInAsync("alice", Password);
        await using var bob = await server.ConnectAsAsync("bob");
        await laptop.ExpectAsync("SYS bob joined");
        await phone.ExpectAsync("SYS bob joined");

        Assert.Equal("OK delivered to alice", (await bob.CommandAsync("@alice:hi both")).Reply);
        await laptop.ExpectAsync("DM bob: hi both");
        await phone.ExpectAsync("DM bob: hi both");

        Assert.Equal("OK delivered to bob", (await laptop.CommandAsync("/dm bob hello from the laptop")).Reply);
        await bob.ExpectAsync("DM alice: hello from the laptop");
        var echo = ServerLineParser.Parse(await phone.ReadLineAsync());
        Assert.Equal(ServerLineKind.Echo, echo.Kind);
        Assert.Equal(("alice", "bob", "hello from the laptop"), (echo.From, echo.To, echo.Text));
        Assert.NotNull(echo.MessageId);

        Assert.Equal("OK sent to 1 user", (await phone.CommandAsync("/bm hi all")).Reply);
        await bob.ExpectAsync("BM alice: hi all");
        Assert.Matches(@"^ECHO \d+ \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z alice -> \*: hi all$", await laptop.ReadLineAsync());

        Assert.Empty(await laptop.DrainAsync());
        Assert.Empty(await phone.DrainAsync());
        Assert.Equal("OK 2 users online", (await bob.CommandAsync("/users")).Reply);
    }

    [Fact]
    public async Task Account_leaves_only_when_its_last_device_does()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        var laptop = await server.ConnectNewAccountAsync("alice", Password);
        await using var phone = await server.ConnectLoggedInAsync("alice", Password);
        await bob.ExpectAsync("SYS alice joined");

        laptop.Drop();
        await laptop.DisposeAsync();
        Assert.Equal("OK delivered to alice", (await bob.CommandAsync("@alice:still there?")).Reply);
        await phone.ExpectAsync("DM bob: still there?");
        Assert.Empty(await bob.DrainAsync());

        await phone.SendAsync("/quit");
        await bob.ExpectAsync("SYS alice left");
    }

    [Fact]
    public async Task Guest_logging_in_to_an_account_gives_up_its_guest_nick()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        await using var guest = await server.ConnectAsAsync("anon");
        await bob.ExpectAsync("SYS anon joined");

        Assert.Equal("OK logged in as alice", (await guest.CommandAsync($"/login alice {Password}")).Reply);

        await bob.ExpectAsync("SYS anon is now alice");
        await using var another = await server.ConnectAsAsync("anon");
    }
}

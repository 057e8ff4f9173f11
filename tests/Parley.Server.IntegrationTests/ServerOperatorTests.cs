using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

public sealed class ServerOperatorTests
{
    private const string Password = "correct-horse";
    private static readonly Dictionary<string, string?> RootIsOperator = new() { ["Parley:Operators:0"] = "root" };

    [Theory]
    [InlineData("/kill bob")]
    [InlineData("/serverban 10.*")]
    [InlineData("/serverban")]
    [InlineData("/serverunban 10.*")]
    public async Task Operator_commands_from_others_are_refused(string line)
    {
        await using var server = await ParleyTestServer.StartAsync(RootIsOperator);
        await using var bob = await server.ConnectAsAsync("bob");

        Assert.Equal("ERR NOT_SERVER_OP only server operators may do that", (await bob.CommandAsync(line)).Reply);
    }

    [Fact]
    public async Task Operator_kills_a_user_who_gets_bye_and_whose_rooms_and_others_see_the_drop()
    {
        await using var server = await ParleyTestServer.StartAsync(RootIsOperator);
        await using var root = await server.ConnectNewAccountAsync("root", Password);
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.JoinAsync("#dev");
        await bob.JoinAsync("#dev");

        Assert.Equal("OK killed bob", (await root.CommandAsync("/kill BOB spamming")).Reply);
        Assert.Equal("ERR NO_SUCH_NICK nobody is not online", (await root.CommandAsync("/kill nobody")).Reply);

        Assert.Equal("BYE killed by root: spamming", (await bob.ReadUntilClosedAsync()).Last());
        await alice.WaitForAsync(l => l == "ROOM #dev bob dropped (killed by root: spamming)");
        await alice.WaitForAsync(l => l == "SYS bob dropped (killed by root: spamming)");
    }

    [Fact]
    public async Task Server_ban_by_address_closes_matching_connections_refuses_new_ones_until_lifted()
    {
        await using var server = await ParleyTestServer.StartAsync(RootIsOperator);
        await using var root = await server.ConnectNewAccountAsync("root", Password);
        await using var bob = await server.ConnectAsAsync("bob");

        Assert.Equal("OK banned 127.0.0.* server-wide (1 connections closed)", (await root.CommandAsync("/serverban 127.0.0.* abuse")).Reply);

        Assert.Equal("BYE banned from this server: abuse", (await bob.ReadUntilClosedAsync()).Last());
        await using (var newcomer = await server.ConnectAsync())
        {
            Assert.Equal("BYE banned from this server: abuse", newcomer.Greeting);
            Assert.Empty(await newcomer.ReadUntilClosedAsync());
        }

        var (listed, bans) = await root.CommandAsync("/serverban");
        Assert.Equal("OK 1 server ban", listed);
        Assert.Matches(@"^SERVERBAN 127\.0\.0\.\* root \S+Z abuse$", bans.Single(l => l.StartsWith("SERVERBAN", StringComparison.Ordinal)));
        Assert.Equal("OK unbanned 127.0.0.* server-wide", (await root.CommandAsync("/serverunban 127.0.0.*")).Reply);
        await using var welcome = await server.ConnectAsync();
        Assert.StartsWith("HELLO", welcome.Greeting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guest_using_the_operators_name_is_not_an_operator()
    {
        // The operator list names accounts: while "root" has no account, a guest may take the nick, never the rights.
        await using var server = await ParleyTestServer.StartAsync(RootIsOperator);
        await using var impostor = await server.ConnectAsAsync("root");
        await using var bob = await server.ConnectAsAsync("bob");

        Assert.Equal("ERR NOT_SERVER_OP only server operators may do that", (await impostor.CommandAsync("/kill bob")).Reply);
        Assert.Equal("OK you are bob, a guest", (await bob.CommandAsync("/whoami")).Reply);
    }

    [Fact]
    public async Task Operator_logged_in_on_a_second_device_may_kill()
    {
        await using var server = await ParleyTestServer.StartAsync(RootIsOperator);
        await using (var first = await server.ConnectNewAccountAsync("root", Password))
            await first.CommandAsync("/quit");
        await using var root = await server.ConnectLoggedInAsync("root", Password);
        await using var bob = await server.ConnectAsAsync("bob");

        Assert.Equal("OK killed bob", (await root.CommandAsync("/kill bob")).Reply);
    }

    [Fact]
    public async Task Server_ban_by_account_closes_its_connections_and_refuses_its_login_and_registration()
    {
        await using var server = await ParleyTestServer.StartAsync(RootIsOperator);
        await using var root = await server.ConnectNewAccountAsync("root", Password);
        await using var bob = await server.ConnectNewAccountAsync("bob", Password);
        await using var guest = await server.ConnectAsAsync("carol");

        Assert.Equal("OK banned ~bob server-wide (1 connections closed)", (await root.CommandAsync("/serverban ~bob spam")).Reply);
        Assert.Equal("OK banned ~spam* server-wide (0 connections closed)", (await root.CommandAsync("/serverban ~spam*")).Reply);

        Assert.Equal("BYE banned from this server: spam", (await bob.ReadUntilClosedAsync()).Last());
        await using var again = await server.ConnectAsync();
        Assert.Equal("ERR SERVER_BANNED the account bob is banned from this server", (await again.CommandAsync($"/login bob {Password}")).Reply);
        Assert.Equal("ERR AUTH_FAILED wrong nick or password", (await again.CommandAsync("/login bob wrong-password")).Reply);
        Assert.Equal("ERR SERVER_BANNED the account spammer is banned from this server", (await again.CommandAsync($"/register spammer {Password}")).Reply);
        Assert.Equal("OK you are carol, a guest", (await guest.CommandAsync("/whoami")).Reply);

        Assert.Equal("OK unbanned ~bob server-wide", (await root.CommandAsync("/serverunban ~bob")).Reply);
        Assert.StartsWith("OK logged in as bob", (await again.CommandAsync($"/login bob {Password}")).Reply, StringComparison.Ordinal);
    }
}

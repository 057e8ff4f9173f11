using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

public sealed class ServerOperatorTests
{
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
        await using var root = await server.ConnectAsAsync("root");
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
        await using var root = await server.ConnectAsAsync("root");
        await using var bob = await server.ConnectAsAsync("bob");

        Assert.Equal("OK banned 127.0.0.* server-wide (1 connections closed)", (await root.CommandAsync("/serverban 127.0.0.* abuse")).Reply);

        Assert.Equal("BYE banned from this server: abuse", (await bob.ReadUntilClosedAsync()).Last());
        await using (var newcomer = await server.ConnectAsync())
        {
            Assert.Equal("BYE banned from this server: abuse", newcomer.Greeting);
            Assert.Empty(await newcomer.ReadUntilClosedAsync());
        }

        var (listed, bans) = await root.CommandAsync("/serverban");
        Assert.Equal("OK 1 server bans", listed);
        Assert.Matches(@"^SERVERBAN 127\.0\.0\.\* root \S+Z abuse$", bans.Single(l => l.StartsWith("SERVERBAN", StringComparison.Ordinal)));
        Assert.Equal("OK unbanned 127.0.0.* server-wide", (await root.CommandAsync("/serverunban 127.0.0.*")).Reply);
        await using var welcome = await server.ConnectAsync();
        Assert.StartsWith("HELLO", welcome.Greeting, StringComparison.Ordinal);
    }
}

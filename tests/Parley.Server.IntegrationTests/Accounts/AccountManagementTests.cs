using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Accounts;

/// <summary>Accounts an owner can delete and an operator can delete or give a new password.</summary>
public sealed class AccountManagementTests
{
    private const string Password = "correct-horse";

    [Fact]
    public async Task Owner_drops_the_account_with_its_password_and_the_nick_is_free_again()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectNewAccountAsync("alice", Password);
        await using var phone = await server.ConnectLoggedInAsync("alice", Password);
        await alice.JoinAsync("#keep");
        await alice.CommandAsync("/register #keep");

        Assert.StartsWith("ERR AUTH_FAILED", (await alice.CommandAsync("/drop wrong-password")).Reply, StringComparison.Ordinal);
        Assert.Equal("OK account alice dropped; reconnect to use the nick as a guest", (await alice.CommandAsync($"/drop {Password}")).Reply);
        await alice.WaitForAsync(l => l == "BYE account dropped");
        await phone.WaitForAsync(l => l.StartsWith("BYE", StringComparison.Ordinal));

        await using var guest = await server.ConnectAsync();
        Assert.Equal("OK registered as alice", (await guest.CommandAsync("#alice")).Reply);
        Assert.StartsWith("ERR", (await guest.CommandAsync($"/login alice {Password}")).Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_drops_an_account_and_its_sessions_close_and_others_may_not()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?> { ["Parley:Operators:0"] = "root" });
        await using var root = await server.ConnectNewAccountAsync("root", Password);
        await using var alice = await server.ConnectNewAccountAsync("alice", Password);
        await using var bob = await server.ConnectAsAsync("bob");

        Assert.StartsWith("ERR NOT_SERVER_OP", (await bob.CommandAsync("/sadrop alice")).Reply, StringComparison.Ordinal);
        Assert.StartsWith("ERR NO_SUCH_ACCOUNT", (await root.CommandAsync("/sadrop nobody")).Reply, StringComparison.Ordinal);
        Assert.Equal("OK account alice dropped", (await root.CommandAsync("/sadrop ALICE")).Reply);
        await alice.WaitForAsync(l => l == "BYE account dropped by an operator");

        await using var again = await server.ConnectAsync();
        Assert.StartsWith("ERR", (await again.CommandAsync($"/login alice {Password}")).Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_sets_a_new_password_and_the_old_one_stops_working()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?> { ["Parley:Operators:0"] = "root" });
        await using var root = await server.ConnectNewAccountAsync("root", Password);
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        await using var bob = await server.ConnectAsAsync("bob");

        Assert.StartsWith("ERR NOT_SERVER_OP", (await bob.CommandAsync("/sapasswd alice stolen-password")).Reply, StringComparison.Ordinal);
        Assert.StartsWith("ERR BAD_PASSWORD", (await root.CommandAsync("/sapasswd alice x")).Reply, StringComparison.Ordinal);
        Assert.Equal("OK password of alice set", (await root.CommandAsync("/sapasswd alice battery-staple")).Reply);

        await using var old = await server.ConnectAsync();
        Assert.StartsWith("ERR AUTH_FAILED", (await old.CommandAsync($"/login alice {Password}")).Reply, StringComparison.Ordinal);
        await using var renewed = await server.ConnectLoggedInAsync("alice", "battery-staple");
    }
}

using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Moderation;
using Parley.Server.Hosting;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Observability;

public sealed class RehashTests : IDisposable
{
    private readonly string _directory = ParleyTestServer.NewTemporaryDirectory();

    [Fact]
    public async Task Rehash_applies_new_operators_and_motd_from_the_config_file_and_refuses_a_bad_file()
    {
        var file = Path.Combine(_directory, "parley.json");
        await File.WriteAllTextAsync(file, """{ "Parley": { "Operators": [ "alice" ], "Irc": { "Motd": "first" } } }""");
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:ConfigFile"] = file });
        await using var alice = await server.ConnectNewAccountAsync("alice", "alice-password");
        await using var irc = await server.ConnectIrcAsAsync("carol");

        await File.WriteAllTextAsync(file, """{ "Parley": { "Operators": [ "alice", "bob" ], "Irc": { "Motd": "second" } } }""");
        var (reply, _) = await alice.CommandAsync("/rehash");
        Assert.StartsWith("OK rehashed: 2 operators, MOTD 1 line, 0 server bans, ", reply, StringComparison.Ordinal);
        await irc.SendAsync("MOTD");
        await irc.WaitForAsync(l => l.Contains(" 372 carol :- second", StringComparison.Ordinal));

        await File.WriteAllTextAsync(file, """{ "Parley": { "Operators": [ "#bad" ] } }""");
        (reply, _) = await alice.CommandAsync("/rehash");
        Assert.StartsWith("ERR", reply, StringComparison.Ordinal);
        Assert.Contains("not reloaded", reply, StringComparison.Ordinal);
        Assert.True(server.Hub.Operators.IsOperatorAccount("bob"), "a refused reload changes nothing");

        await File.WriteAllTextAsync(file, """{ "Parley": { "Operators": [ ] } }""");
        (reply, _) = await alice.CommandAsync("/rehash");
        Assert.StartsWith("OK rehashed: 0 operators", reply, StringComparison.Ordinal);
        (reply, _) = await alice.CommandAsync("/rehash");
        Assert.StartsWith("ERR", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehash_applies_new_flood_limits_to_later_connections_and_reloads_bans_from_the_store()
    {
        var file = Path.Combine(_directory, "parley.json");
        await File.WriteAllTextAsync(file, """{ "Parley": { "Operators": [ "alice" ], "Limits": { "Flood": { "MessagesPerSecond": 0 } } } }""");
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?> { ["Parley:ConfigFile"] = file });
        await using var alice = await server.ConnectNewAccountAsync("alice", "alice-password");
        await using var bob = await server.ConnectAsAsync("bob");
        // Stored behind the running server's back (another tool, a restore): a rehash reads the store again.
        await server.Services.GetRequiredService<IServerBanStore>().SaveAsync(new ServerBan("198.51.100.*", "root", DateTimeOffset.UtcNow, "spam"));

        await File.WriteAllTextAsync(file, """{ "Parley": { "Operators": [ "alice" ], "Limits": { "Flood": { "MessagesPerSecond": 1, "Burst": 2, "DisconnectAfterRefusals": 0 } } } }""");
        var (reply, _) = await alice.CommandAsync("/rehash");

        Assert.Equal("OK rehashed: 1 operator, MOTD none, 1 server ban, flood 1/s burst 2, 16 connections per address", reply);
        Assert.Equal("198.51.100.*", Assert.Single(server.Hub.ServerBans.Bans).Mask);
        await using var carol = await server.ConnectAsAsync("carol");
        Assert.Contains(await BurstAsync(carol), l => l.StartsWith("ERR FLOOD", StringComparison.Ordinal));
        Assert.DoesNotContain(await BurstAsync(bob), l => l.StartsWith("ERR FLOOD", StringComparison.Ordinal));
    }

    // Six commands in one write, then the replies to all of them.
    private static async Task<List<string>> BurstAsync(LineTestClient client)
    {
        await client.SendAsync(string.Concat(Enumerable.Repeat("/whoami\n", 5)) + "/quit");
        var (_, before) = await client.WaitForAsync(l => l.StartsWith("BYE", StringComparison.Ordinal));
        return before;
    }

    [Fact]
    public async Task Sighup_to_a_child_server_applies_a_new_per_address_cap_from_its_config_file()
    {
        var file = Path.Combine(_directory, "parley.json");
        await File.WriteAllTextAsync(file, """{ "Parley": { "Limits": { "ExemptLoopback": false, "MaxConnectionsPerAddress": 16 } } }""");
        await using var server = await ParleyServerProcess.StartAsync(_directory, new Dictionary<string, string> { ["Parley__ConfigFile"] = file }, null);
        await using var first = await LineTestClient.ConnectAsync(server.Port);
        await using (var second = await LineTestClient.ConnectAsync(server.Port))
            Assert.StartsWith("HELLO", second.Greeting, StringComparison.Ordinal);

        await File.WriteAllTextAsync(file, """{ "Parley": { "Limits": { "ExemptLoopback": false, "MaxConnectionsPerAddress": 1 } } }""");
        await server.SignalAsync("HUP");
        await server.WaitForLogAsync("Configuration reloaded (SIGHUP)");

        await using var third = await LineTestClient.ConnectAsync(server.Port);
        Assert.Equal("BYE too many connections from your address", third.Greeting);
        Assert.True(server.IsRunning, "SIGHUP reloads; it does not end the server");
    }

    [Fact]
    public async Task A_server_started_with_sighup_ignored_says_so_and_still_reloads_on_rehash()
    {
        await using var server = await ParleyServerProcess.StartAsync(_directory, new Dictionary<string, string> { ["Parley__Operators__0"] = "alice" }, null, hangUpIgnored: true);
        await server.WaitForLogAsync("[9] SIGHUP is ignored by this process");
        await using var alice = await LineTestClient.ConnectAsync(server.Port);
        var (reply, _) = await alice.CommandAsync("/register alice alice-password");
        Assert.StartsWith("OK", reply, StringComparison.Ordinal);

        (reply, _) = await alice.CommandAsync("/rehash");

        Assert.StartsWith("OK rehashed: 1 operator", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SigIgn:\t0000000000001001", true)]
    [InlineData("SigIgn:\t0000000000001000", false)]
    [InlineData("SigIgn:\tnot-hex", false)]
    public void The_ignored_signal_mask_is_read_from_proc_status(string line, bool ignored) =>
        Assert.Equal(ignored, HangUpSignal.IsIgnoredIn(["Name:\tdotnet", "SigBlk:\t0000000000000001", line]));

    [Fact]
    public async Task Server_bans_outlive_a_restart()
    {
        await using var first = await ParleyTestServer.StartAsync(new Dictionary<string, string?> { ["Parley:Operators:0"] = "alice" });
        await using (var alice = await first.ConnectNewAccountAsync("alice", "alice-password"))
        {
            var (reply, _) = await alice.CommandAsync("/serverban 203.0.113.* spam");
            Assert.StartsWith("OK", reply, StringComparison.Ordinal);
        }

        await using var second = await first.RestartAsync();

        var ban = Assert.Single(second.Hub.ServerBans.Bans);
        Assert.Equal("203.0.113.*", ban.Mask);
        Assert.Equal("alice", ban.SetBy);
        Assert.Equal("spam", ban.Reason);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

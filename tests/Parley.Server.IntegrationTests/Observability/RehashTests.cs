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
        Assert.Equal("OK rehashed: 2 operators, MOTD 1 lines, 0 server bans", reply);
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

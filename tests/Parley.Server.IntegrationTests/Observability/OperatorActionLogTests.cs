using Microsoft.Extensions.Logging;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Observability;

/// <summary>Moderation and operator actions, on both protocols, each logged once at Information with who did it.</summary>
public sealed class OperatorActionLogTests
{
    private const string Password = "Tr0ub4dor-and-3";
    private const string Reason = "the-secret-reason-text";

    [Fact]
    public async Task Line_moderation_and_operator_actions_are_each_logged_once_with_the_actor()
    {
        var log = new CapturingLoggerProvider();
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?> { ["Parley:Operators:0"] = "alice" }, log.AddTo);
        await (await server.ConnectNewAccountAsync("dave", Password)).DisposeAsync();
        await using var alice = await server.ConnectNewAccountAsync("alice", Password);
        await using var bob = await server.ConnectAsAsync("bob");
        await using var carol = await server.ConnectAsAsync("carol");
        await alice.JoinAsync("#mod");
        await bob.JoinAsync("#mod");

        foreach (var command in new[]
        {
            $"/kick #mod bob {Reason}", "/ban #mod spam*", "/unban #mod spam*", $"/serverban 203.0.113.* {Reason}",
            "/serverunban 203.0.113.*", $"/kill carol {Reason}", "/rehash", $"/sapasswd dave {Password}-new", "/sadrop dave",
        })
            Assert.StartsWith("OK", (await alice.CommandAsync(command)).Reply, StringComparison.Ordinal);

        AssertLoggedOnce(log, "bob kicked from #mod by alice");
        AssertLoggedOnce(log, "alice added spam* on the ban list of #mod");
        AssertLoggedOnce(log, "alice removed spam* on the ban list of #mod");
        AssertLoggedOnce(log, "Server operator alice banned address 203.0.113.*");
        AssertLoggedOnce(log, "Server operator alice lifted the server ban 203.0.113.*");
        AssertLoggedOnce(log, "carol killed by server operator alice");
        AssertLoggedOnce(log, "Configuration reloaded (rehash by server operator alice)");
        AssertLoggedOnce(log, "password of account dave set by server operator alice");
        AssertLoggedOnce(log, "account dave dropped by alice");
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Irc_oper_kill_kick_channel_ban_and_nickserv_drop_are_each_logged_once_with_the_actor()
    {
        var log = new CapturingLoggerProvider();
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Operators:0"] = "root" }, configureServices: log.AddTo);
        await (await server.ConnectNewAccountAsync("root", Password)).DisposeAsync();
        await using var helper = await server.ConnectIrcAsAsync("helper");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await using var carol = await server.ConnectIrcAsAsync("carol");

        await helper.SendAsync("OPER root " + Password);
        await helper.WaitForAsync(l => l.Contains(" 381 ", StringComparison.Ordinal));
        await helper.SendAsync("JOIN #mod");
        await helper.WaitForAsync(l => l.Contains(" 366 ", StringComparison.Ordinal));
        await bob.SendAsync("JOIN #mod");
        await bob.WaitForAsync(l => l.Contains(" 366 ", StringComparison.Ordinal));
        await helper.SendAsync($"KICK #mod bob :{Reason}");
        await helper.WaitForAsync(l => l.Contains("KICK #mod bob", StringComparison.Ordinal));
        await helper.SendAsync("MODE #mod +b spam!*@*");
        await helper.WaitForAsync(l => l.Contains("MODE #mod +b", StringComparison.Ordinal));
        await helper.SendAsync($"KILL carol :{Reason}");
        await carol.WaitForAsync(l => l.StartsWith("ERROR", StringComparison.Ordinal));
        await bob.SendAsync($"NS REGISTER {Password}");
        await bob.WaitForAsync(l => l.Contains("registered;", StringComparison.Ordinal));
        await bob.SendAsync($"NS DROP {Password}");
        await bob.WaitForAsync(l => l.StartsWith("ERROR", StringComparison.Ordinal));

        AssertLoggedOnce(log, "(helper) became a server operator with OPER as root");
        AssertLoggedOnce(log, "bob kicked from #mod by helper");
        AssertLoggedOnce(log, "helper added spam on the ban list of #mod");
        AssertLoggedOnce(log, "carol killed by server operator helper");
        AssertLoggedOnce(log, "account bob dropped by bob");
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains(Password, StringComparison.Ordinal));
    }

    private static void AssertLoggedOnce(CapturingLoggerProvider log, string text)
    {
        var found = log.Entries.Where(e => e.Message.Contains(text, StringComparison.Ordinal)).ToList();
        var entry = Assert.Single(found);
        Assert.Equal(LogLevel.Information, entry.Level);
    }
}

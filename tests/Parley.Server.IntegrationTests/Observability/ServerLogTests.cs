using System.Text.RegularExpressions;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Observability;

/// <summary>The log of the built server run as a child process, as an operator reads it.</summary>
public sealed partial class ServerLogTests : IDisposable
{
    private const string Password = "Tr0ub4dor-and-3";
    private const string MessageText = "the-launch-code-is-0000";

    private static readonly Dictionary<string, string> ShowConnectionLines = new() { ["Logging__LogLevel__Parley.FrontEnds"] = "Debug" };

    private readonly string _directory = ParleyTestServer.NewTemporaryDirectory();

    [Fact]
    public async Task The_log_has_a_timestamped_line_per_event_and_never_a_password_or_message_text()
    {
        // The per-connection lines are Debug (issue 10): the operator's switch shows them.
        await using var server = await ParleyServerProcess.StartAsync(_directory, ShowConnectionLines, null);
        await using (var alice = await LineTestClient.ConnectAsync(server.Port))
        await using (var bob = await LineTestClient.ConnectAsync(server.Port))
        {
            await alice.SendAsync($"/register alice {Password}");
            await alice.ExpectAsync("OK registered and logged in as alice");
            await bob.RegisterAsync("bob");
            Assert.StartsWith("OK", (await alice.CommandAsync($"@bob:{MessageText}")).Reply, StringComparison.Ordinal);
            await alice.JoinAsync("#logs");
            Assert.StartsWith("OK", (await alice.CommandAsync($"@#logs:{MessageText}")).Reply, StringComparison.Ordinal);
            await alice.SendAsync("/logout");
            await alice.SendAsync($"/login alice {Password}x");
            await alice.WaitForAsync(l => l.StartsWith("ERR", StringComparison.Ordinal));
            await bob.SendAsync("/quit");
            await bob.ReadUntilClosedAsync();
        }

        await server.WaitForLogAsync("(bob) disconnected: quit");
        await server.WaitForLogAsync("disconnected: connection closed");
        var log = server.Log;

        Assert.Contains(log.Split('\n'), l => l.Contains("connected from 127.0.0.1", StringComparison.Ordinal));
        Assert.Contains(log.Split('\n'), l => l.Contains("registered the account alice", StringComparison.Ordinal));
        Assert.Contains(log.Split('\n'), l => l.Contains("created room #logs", StringComparison.Ordinal));
        Assert.Contains(log.Split('\n'), l => l.Contains("failed login as alice", StringComparison.Ordinal));
        Assert.DoesNotContain(Password, log, StringComparison.Ordinal);
        Assert.DoesNotContain(MessageText, log, StringComparison.Ordinal);
        foreach (var line in log.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
            Assert.Matches(TimestampedLine(), line);
    }

    [Fact]
    public async Task By_default_a_guest_connecting_and_registering_writes_no_line_and_a_new_account_still_does()
    {
        await using var server = await ParleyServerProcess.StartAsync(_directory);
        await using var bob = await LineTestClient.ConnectAsync(server.Port);
        await bob.RegisterAsync("bob");
        await using var alice = await LineTestClient.ConnectAsync(server.Port);
        await alice.SendAsync($"/register alice {Password}");
        await alice.ExpectAsync("OK registered and logged in as alice");

        // Logged after bob's connect and registration would have been: the console log keeps order.
        await server.WaitForLogAsync("registered the account alice");
        var log = server.Log;
        Assert.DoesNotContain("connected from", log, StringComparison.Ordinal);
        Assert.DoesNotContain("registered as bob", log, StringComparison.Ordinal);
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

    // One event per line: a UTC timestamp, the level, the category and event id, the message.
    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (trce|dbug|info|warn|fail|crit): \S+\[\d+\] ")]
    private static partial Regex TimestampedLine();
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Server.IntegrationTests.Irc;
using Parley.Server.Security;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Accounts;

/// <summary>
/// The login throttle over real sockets (docs/security.md): an attacker on 127.0.0.2 cannot lock
/// the owner (on 127.0.0.1) out, and concurrent guesses get no more checks than the limit.
/// </summary>
public sealed class LoginAbuseTests
{
    private const string Password = "correct-horse";
    private static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task Owner_logs_in_while_an_attacker_fails_on_the_account_from_another_address()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        await using var attacker = await server.ConnectFromAsync(Attacker);
        for (var i = 0; i < 5; i++)
            Assert.Equal("ERR AUTH_FAILED wrong nick or password", (await attacker.CommandAsync($"/login alice guess-{i:000000}")).Reply);
        Assert.StartsWith("ERR RATE_LIMITED", (await attacker.CommandAsync($"/login alice {Password}")).Reply, StringComparison.Ordinal);

        await using var owner = await server.ConnectAsync();

        Assert.Equal("OK logged in as alice", (await owner.CommandAsync($"/login alice {Password}")).Reply);
    }

    [Fact]
    public async Task Refusal_states_the_real_time_left_not_the_whole_window()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Parley:Accounts:MaxFailedLoginsPerAccountAndAddress"] = "2",
            ["Parley:Accounts:FailedLoginWindow"] = "00:10:00",
        });
        await using var attacker = await server.ConnectFromAsync(Attacker);
        await attacker.CommandAsync("/login alice guess-000001");
        await attacker.CommandAsync("/login alice guess-000002");

        var refusal = (await attacker.CommandAsync("/login alice guess-000003")).Reply;

        // 2 per 10 minutes drain one every 300 s: the next attempt fits in at most 300 s, not 600.
        var seconds = int.Parse(System.Text.RegularExpressions.Regex.Match(refusal, @"try again in (\d+) s$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 290, 300);
    }

    [Fact]
    public async Task Owner_logs_in_with_sasl_plain_while_an_attacker_fails_from_another_address()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        await using var attacker = await server.ConnectIrcFromAsync(Attacker);
        await attacker.SendAsync("CAP REQ :sasl");
        await attacker.ReadLineAsync();
        for (var i = 0; i < 6; i++)
        {
            await attacker.SendAsync("AUTHENTICATE PLAIN");
            await attacker.ExpectAsync("AUTHENTICATE +");
            await attacker.SendAsync("AUTHENTICATE " + IrcSaslTests.Plain("", "alice", $"guess-{i:000000}"));
            await attacker.WaitForAsync(l => l == ":parley 904 * :SASL authentication failed");
        }

        await using var owner = await server.ConnectIrcAsync();
        await owner.SendAsync("CAP REQ :sasl");
        await owner.ReadLineAsync();
        await owner.SendAsync("AUTHENTICATE PLAIN");
        await owner.ExpectAsync("AUTHENTICATE +");
        await owner.SendAsync("AUTHENTICATE " + IrcSaslTests.Plain("", "alice", Password));

        var (loggedIn, _) = await owner.WaitForAsync(l => l.StartsWith(":parley 90", StringComparison.Ordinal));
        Assert.EndsWith(" :You are now logged in as alice", loggedIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simultaneous_guesses_get_no_more_password_checks_than_the_limit()
    {
        CountingPasswordHashing? counting = null;
        await using var server = await ParleyTestServer.StartAsync(
            new Dictionary<string, string?>(ParleyTestServer.WithoutFloodControl),
            services => services.AddSingleton<IPasswordHashing>(provider =>
                counting = new CountingPasswordHashing(new IdentityPasswordHashing(provider.GetRequiredService<AccountOptions>()))));
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        var clients = new List<LineTestClient>();
        for (var i = 0; i < 50; i++)
            clients.Add(await server.ConnectFromAsync(Attacker));
        var before = counting!.Verifications;

        // All sent before any reply is read: the checks overlap on the server.
        await Task.WhenAll(clients.Select((c, i) => c.SendAsync($"/login alice guess-{i:000000}")));
        var replies = await Task.WhenAll(clients.Select(async c => (await c.ReplyAsync()).Line));

        Assert.Equal(5, replies.Count(r => r == "ERR AUTH_FAILED wrong nick or password"));
        Assert.Equal(45, replies.Count(r => r.StartsWith("ERR RATE_LIMITED", StringComparison.Ordinal)));
        Assert.Equal(5, counting.Verifications - before);
        foreach (var client in clients)
            await client.DisposeAsync();
    }
}

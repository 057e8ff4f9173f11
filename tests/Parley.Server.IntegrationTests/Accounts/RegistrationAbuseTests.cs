using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Server.Security;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Accounts;

/// <summary>
/// Registration throttling and bounded hashing over real sockets (docs/security.md): new accounts
/// per address and server-wide, and never more hashes at once than configured.
/// </summary>
public sealed class RegistrationAbuseTests
{
    private const string Password = "correct-horse";
    private static readonly IPAddress Flooder = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task Registrations_from_one_address_are_throttled_while_another_address_still_registers()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Parley:Accounts:MaxRegistrationsPerAddress"] = "3",
            ["Parley:Accounts:MaxRegistrations"] = "30",
        });
        for (var i = 0; i < 3; i++)
        {
            await using var ok = await server.ConnectFromAsync(Flooder);
            Assert.Equal($"OK registered and logged in as bot{i}", (await ok.CommandAsync($"/register bot{i} {Password}")).Reply);
        }

        await using var flooder = await server.ConnectFromAsync(Flooder);
        var refused = (await flooder.CommandAsync($"/register bot3 {Password}")).Reply;
        await using var neighbour = await server.ConnectAsync();

        Assert.Matches(@"^ERR RATE_LIMITED too many new accounts lately; try again in \d+ s$", refused);
        Assert.Equal("OK registered and logged in as alice", (await neighbour.CommandAsync($"/register alice {Password}")).Reply);
        Assert.Equal("OK you have no nick yet", (await flooder.CommandAsync("/whoami")).Reply);
    }

    [Fact]
    public async Task Registrations_are_throttled_server_wide()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Parley:Accounts:MaxRegistrationsPerAddress"] = "30",
            ["Parley:Accounts:MaxRegistrations"] = "2",
        });
        for (var i = 0; i < 2; i++)
        {
            await using var ok = await server.ConnectFromAsync(Flooder);
            Assert.Equal($"OK registered and logged in as bot{i}", (await ok.CommandAsync($"/register bot{i} {Password}")).Reply);
        }

        await using var other = await server.ConnectAsync();

        Assert.StartsWith("ERR RATE_LIMITED too many new accounts", (await other.CommandAsync($"/register alice {Password}")).Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hashing_runs_at_most_the_configured_hashes_at_once_and_refuses_beyond_its_queue()
    {
        GatedPasswordHashing? gated = null;
        await using var server = await ParleyTestServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Parley:Accounts:MaxConcurrentHashes"] = "1",
                ["Parley:Accounts:MaxQueuedHashes"] = "2",
            },
            services => services.AddSingleton<IPasswordHashing>(provider =>
                gated = new GatedPasswordHashing(new IdentityPasswordHashing(provider.GetRequiredService<AccountOptions>()))));
        var clients = new List<LineTestClient>();
        for (var i = 0; i < 4; i++)
            clients.Add(await server.ConnectFromAsync(Flooder));
        gated = server.Services.GetRequiredService<IPasswordHashing>() as GatedPasswordHashing;
        gated!.Close();

        await clients[0].SendAsync($"/register bot0 {Password}");
        await gated.FirstEntered.WaitAsync(TestConnection.DefaultTimeout);
        var others = clients.Skip(1).Select((c, i) => c.CommandAsync($"/register bot{i + 1} {Password}")).ToList();
        // One running and two waiting fill the queue: whichever came last is refused at once.
        var first = await Task.WhenAny(others);
        Assert.StartsWith("ERR BUSY ", (await first).Reply, StringComparison.Ordinal);
        gated.Open();
        var replies = (await Task.WhenAll(others)).Select(r => r.Reply).ToList();

        Assert.StartsWith("OK registered", (await clients[0].ReplyAsync()).Line, StringComparison.Ordinal);
        Assert.Equal(2, replies.Count(r => r.StartsWith("OK registered", StringComparison.Ordinal)));
        Assert.Equal(1, gated.MaxRunning);
        foreach (var client in clients)
            await client.DisposeAsync();
        gated.Dispose();
    }
}

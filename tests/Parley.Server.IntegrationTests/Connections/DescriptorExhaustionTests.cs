using System.Globalization;
using System.Text.RegularExpressions;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>
/// Issue 9: one address opening connections until the process ran out of descriptors made the
/// server abort (SIGABRT "Out of memory.") after its accept loop spun on EMFILE. The server runs
/// as a child process under <c>prlimit --nofile</c>, so its limit is low and its own.
/// </summary>
public sealed partial class DescriptorExhaustionTests : IDisposable
{
    // Low enough to reach in a test, high enough above the ~205 descriptors a Debug build's
    // runtime, assemblies and database hold, so the derived cap is not the floor.
    private const int DescriptorLimit = 384;

    private readonly string _data = ParleyTestServer.NewTemporaryDirectory();

    [Fact]
    public async Task Under_a_low_descriptor_limit_a_flood_is_refused_logged_survived_and_recovered_from()
    {
        await using var server = await ParleyServerProcess.StartAsync(_data, environment: null, DescriptorLimit);
        await server.WaitForLogAsync("Connection limits: at most");
        var cap = int.Parse(CapLine().Match(server.Log).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(cap, 16, DescriptorLimit - 200);

        await using var alice = await LineTestClient.ConnectAsync(server.Port);
        await alice.RegisterAsync("alice");

        // One address (loopback, exempt from the per-address caps by default) holds every
        // connection it gets, as the attack did, and asks for 40 more than the cap allows.
        var held = new List<LineTestClient>();
        var refusals = new List<string>();
        try
        {
            for (var i = 0; i < cap + 40; i++)
            {
                var client = await LineTestClient.ConnectAsync(server.Port);
                if (client.Greeting.StartsWith("HELLO ", StringComparison.Ordinal))
                {
                    held.Add(client);
                    continue;
                }

                refusals.Add(client.Greeting);
                Assert.Empty(await client.ReadUntilClosedAsync());
                await client.DisposeAsync();
            }

            Assert.Equal(cap - 1, held.Count);
            Assert.Equal(41, refusals.Count);
            Assert.All(refusals, r => Assert.Equal("BYE server is full; try again later", r));
            await server.WaitForLogAsync("The server is full");

            // Everyone already connected is still served, and the process is alive.
            await alice.SendAsync("/users");
            Assert.StartsWith("OK ", (await alice.ReplyAsync()).Line, StringComparison.Ordinal);
            Assert.True(server.IsRunning, server.Log);
        }
        finally
        {
            foreach (var client in held)
                await client.DisposeAsync();
        }

        // Descriptors freed: new connections are served again (the server closes the held ones as
        // it notices, so the first attempts may still find it full). "Accepting again" is logged at
        // an admission once the open connections are down to 90% of the cap, so keep connecting
        // until one admission has seen that.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string greeting;
        do
        {
            await using var again = await LineTestClient.ConnectAsync(server.Port);
            greeting = again.Greeting;
        }
        while (!(greeting.StartsWith("HELLO ", StringComparison.Ordinal) && server.Log.Contains("Accepting connections again", StringComparison.Ordinal))
               && DateTime.UtcNow < deadline);
        Assert.StartsWith("HELLO ", greeting, StringComparison.Ordinal);
        await server.WaitForLogAsync("Accepting connections again");
        await using var bob = await LineTestClient.ConnectAsync(server.Port);
        await bob.RegisterAsync("bob");
        Assert.True(server.IsRunning, server.Log);
    }

    [Fact]
    public async Task A_configured_cap_the_descriptors_cannot_carry_is_lowered_with_a_warning()
    {
        var settings = new Dictionary<string, string> { ["Parley__Limits__MaxConnections"] = "100000" };
        await using var server = await ParleyServerProcess.StartAsync(_data, settings, DescriptorLimit);
        await server.WaitForLogAsync("Parley:Limits:MaxConnections is 100000, more than the descriptor limit leaves room for");
        await server.WaitForLogAsync("Connection limits: at most");
        var cap = int.Parse(CapLine().Match(server.Log).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(cap, 16, DescriptorLimit - 200);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [GeneratedRegex(@"Connection limits: at most (\d+) connections")]
    private static partial Regex CapLine();
}

using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>
/// Per-address caps in front of every listener (issue 9): concurrent connections and new
/// connections per window, counted across protocols, with loopback and configured networks
/// exempt. The tests' clients are all on loopback, so the caps' tests turn its exemption off.
/// </summary>
public sealed class ConnectionLimitTests
{
    private static Dictionary<string, string?> Limits(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Parley:Limits:ExemptLoopback"] = "false" };
        foreach (var (key, value) in settings)
            all["Parley:Limits:" + key] = value;
        return all;
    }

    [Fact]
    public async Task An_address_over_its_concurrent_cap_is_refused_with_a_reason_on_line_and_irc_and_let_in_when_one_closes()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(Limits(("MaxConnectionsPerAddress", "3")));
        var first = await server.ConnectAsync();
        await using var second = await server.ConnectAsync();
        await using var irc = await server.ConnectIrcAsAsync("ircuser");

        // The fourth from the address, on either protocol, is refused with its protocol's last line.
        await using var line = await server.ConnectAsync();
        Assert.Equal("BYE too many connections from your address", line.Greeting);
        Assert.Empty(await line.ReadUntilClosedAsync());
        await using var ircRefused = await server.ConnectIrcAsync();
        Assert.Equal(["ERROR :Closing Link: *[parley] (Too many connections from your address)"], await ircRefused.ReadUntilClosedAsync());

        // The three admitted are still served.
        await second.RegisterAsync("second");
        await irc.SendAsync("PING :still-here");
        await irc.WaitForAsync(l => l.EndsWith("still-here", StringComparison.Ordinal));

        // One closes: its place is free again once the server has noticed.
        await first.SendAsync("/quit");
        await first.ReadUntilClosedAsync();
        await first.DisposeAsync();
        Assert.StartsWith("HELLO ", await GreetingWhenAdmittedAsync(server), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_over_its_new_connections_per_window_is_refused_even_after_closing_them()
    {
        await using var server = await ParleyTestServer.StartAsync(Limits(("MaxConnectionsPerAddress", "0"), ("MaxNewConnectionsPerAddress", "3")));
        for (var i = 0; i < 3; i++)
        {
            await using var client = await server.ConnectAsync();
            Assert.StartsWith("HELLO ", client.Greeting, StringComparison.Ordinal);
        }

        await using var fourth = await server.ConnectAsync();
        Assert.Equal("BYE too many new connections from your address; wait a few minutes", fourth.Greeting);
    }

    [Fact]
    public async Task Loopback_is_exempt_from_the_per_address_caps_by_default()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?> { ["Parley:Limits:MaxConnectionsPerAddress"] = "2" });
        var clients = new List<LineTestClient>();
        for (var i = 0; i < 4; i++)
            clients.Add(await server.ConnectAsync());
        Assert.All(clients, c => Assert.StartsWith("HELLO ", c.Greeting, StringComparison.Ordinal));
        foreach (var client in clients)
            await client.DisposeAsync();
    }

    [Fact]
    public async Task A_configured_exempt_network_skips_the_per_address_caps()
    {
        await using var server = await ParleyTestServer.StartAsync(Limits(("MaxConnectionsPerAddress", "2"), ("ExemptNetworks:0", "127.0.0.0/8")));
        var clients = new List<LineTestClient>();
        for (var i = 0; i < 4; i++)
            clients.Add(await server.ConnectAsync());
        Assert.All(clients, c => Assert.StartsWith("HELLO ", c.Greeting, StringComparison.Ordinal));
        foreach (var client in clients)
            await client.DisposeAsync();
    }

    [Fact]
    public async Task The_server_wide_cap_refuses_even_exempt_addresses_and_keeps_serving_the_admitted()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?> { ["Parley:Limits:MaxConnections"] = "2" });
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await using var third = await server.ConnectAsync();
        Assert.Equal("BYE server is full; try again later", third.Greeting);
        await alice.SendAsync("@bob:still served");
        await bob.ExpectAsync("DM alice: still served");
    }

    [Theory]
    [InlineData("MaxConnections", "-1")]
    [InlineData("MaxConnectionsPerAddress", "-2")]
    [InlineData("NewConnectionWindow", "00:00:00")]
    [InlineData("ExemptNetworks:0", "not-a-network")]
    [InlineData("ProxyNetworks:0", "10.0.0.0/99")]
    public async Task A_bad_limit_setting_stops_the_start_with_one_line_naming_it(string key, string value)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ParleyTestServer.StartAsync(new Dictionary<string, string?> { ["Parley:Limits:" + key] = value }));
        Assert.Contains("Parley:Limits:" + key.Split(':')[0], error.Message, StringComparison.Ordinal);
    }

    // A closed connection's place is given back when the server has finished with it, a moment
    // after the client sees the close: try until admitted, bounded.
    private static async Task<string> GreetingWhenAdmittedAsync(ParleyTestServer server)
    {
        var deadline = DateTime.UtcNow + TestConnection.DefaultTimeout;
        while (true)
        {
            await using var client = await server.ConnectAsync();
            if (client.Greeting.StartsWith("HELLO ", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
                return client.Greeting;
        }
    }
}

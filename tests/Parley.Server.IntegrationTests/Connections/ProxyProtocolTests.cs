using System.Text;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>
/// The PROXY protocol from configured load balancers (issue 9): the client address in the header
/// is the session's address, for limits, bans and logs, on plain and TLS listeners; peers outside
/// <c>Parley:Limits:ProxyNetworks</c> cannot claim an address; a balancer's bad header closes it.
/// </summary>
public sealed class ProxyProtocolTests
{
    private static Dictionary<string, string?> Proxy(string network, params (string Key, string Value)[] more)
    {
        var all = new Dictionary<string, string?> { ["Parley:Limits:ProxyNetworks:0"] = network };
        foreach (var (key, value) in more)
            all["Parley:Limits:" + key] = value;
        return all;
    }

    [Fact]
    public async Task A_v1_header_from_a_load_balancer_gives_the_line_session_the_client_address()
    {
        await using var server = await ParleyTestServer.StartAsync(Proxy("127.0.0.1"));
        await using var client = await LineTestClient.ConnectAsync(server.Port, ProxyHeaders.V1("203.0.113.7", 40000));
        Assert.StartsWith("HELLO ", client.Greeting, StringComparison.Ordinal);
        await client.RegisterAsync("pat");
        Assert.Equal("203.0.113.7", server.Hub.FindByNick("pat")!.Address);
    }

    [Fact]
    public async Task A_v2_header_gives_the_irc_session_an_ipv6_client_address()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(Proxy("127.0.0.0/8"));
        await using var client = await server.ConnectIrcAsync();
        await client.SendRawAsync(ProxyHeaders.V2("2001:db8::1", 40000, "2001:db8::2", 6667));
        await client.RegisterAsync("vic");
        Assert.Equal("2001:db8::1", server.Hub.FindByNick("vic")!.Address);
    }

    [Fact]
    public async Task The_header_comes_before_tls_on_a_tls_port()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync(Proxy("127.0.0.1"));
        await using var client = await LineTestClient.ConnectAsync(server.TlsPort, ProxyHeaders.V2("198.51.100.9", 50000, "192.0.2.1", 55556), tls: true);
        Assert.StartsWith("HELLO ", client.Greeting, StringComparison.Ordinal);
        await client.RegisterAsync("tia");
        var session = server.Hub.FindByNick("tia")!;
        Assert.Equal("198.51.100.9", session.Address);
        Assert.True(session.Security.IsTls);
    }

    [Fact]
    public async Task The_per_address_caps_count_the_client_address_and_ipv6_per_64()
    {
        await using var server = await ParleyTestServer.StartAsync(Proxy("127.0.0.1", ("ExemptLoopback", "false"), ("MaxConnectionsPerAddress", "1")));
        await using var first = await LineTestClient.ConnectAsync(server.Port, ProxyHeaders.V1("203.0.113.7", 40000));
        await using var sameAddress = await LineTestClient.ConnectAsync(server.Port, ProxyHeaders.V1("203.0.113.7", 40001));
        await using var otherAddress = await LineTestClient.ConnectAsync(server.Port, ProxyHeaders.V1("203.0.113.8", 40000));
        await using var v6 = await LineTestClient.ConnectAsync(server.Port, ProxyHeaders.V1("2001:db8:0:0::1", 40000, "2001:db8::ff"));
        await using var same64 = await LineTestClient.ConnectAsync(server.Port, ProxyHeaders.V1("2001:db8:0:0:ffff::2", 40000, "2001:db8::ff"));
        await using var other64 = await LineTestClient.ConnectAsync(server.Port, ProxyHeaders.V1("2001:db8:0:1::1", 40000, "2001:db8::ff"));

        Assert.StartsWith("HELLO ", first.Greeting, StringComparison.Ordinal);
        Assert.Equal("BYE too many connections from your address", sameAddress.Greeting);
        Assert.StartsWith("HELLO ", otherAddress.Greeting, StringComparison.Ordinal);
        Assert.StartsWith("HELLO ", v6.Greeting, StringComparison.Ordinal);
        Assert.Equal("BYE too many connections from your address", same64.Greeting);
        Assert.StartsWith("HELLO ", other64.Greeting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_load_balancer_connection_without_a_valid_header_is_closed_unserved()
    {
        await using var server = await ParleyTestServer.StartAsync(Proxy("127.0.0.1", ("ProxyHeaderTimeout", "00:00:00.300")));
        await using var garbage = await IrcTestClient.ConnectAsync(server.Port);
        await garbage.SendRawAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n"));
        Assert.Empty(await garbage.ReadUntilClosedAsync());

        // Silence: closed after ProxyHeaderTimeout, with no greeting.
        await using var silent = await IrcTestClient.ConnectAsync(server.Port);
        Assert.Empty(await silent.ReadUntilClosedAsync());
        Assert.Equal(0, server.Hub.SessionCount);
    }

    [Fact]
    public async Task A_header_from_a_peer_outside_the_proxy_networks_is_not_believed()
    {
        await using var server = await ParleyTestServer.StartAsync(Proxy("10.0.0.0/8"));
        await using var mallory = await LineTestClient.ConnectAsync(server.Port, ProxyHeaders.V1("203.0.113.7", 40000));

        // Not parsed: the header is an ordinary (refused) line, and the address is the real peer's.
        Assert.StartsWith("HELLO ", mallory.Greeting, StringComparison.Ordinal);
        Assert.StartsWith("ERR ", await mallory.ReadLineAsync(), StringComparison.Ordinal);
        await mallory.RegisterAsync("mallory");
        Assert.Equal("127.0.0.1", server.Hub.FindByNick("mallory")!.Address);
    }
}

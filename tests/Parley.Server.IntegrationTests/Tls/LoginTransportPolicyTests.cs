using Parley.Core.Security;
using Parley.Core.Sessions;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Tls;

/// <summary>
/// Parley:Tls:RequireForLogin on real connections: the security context the listener gives a
/// session, judged by the policy the server configured. A remote client is simulated by no longer
/// trusting loopback (TrustLoopback=false).
/// </summary>
public sealed class LoginTransportPolicyTests
{
    [Fact]
    public async Task Password_on_plain_connection_from_untrusted_network_is_refused()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync(new Dictionary<string, string?> { ["Parley:Tls:TrustLoopback"] = "false" });
        await using var client = await server.ConnectAsAsync("alice");

        var security = SecurityOf(server, "alice");

        Assert.False(security.IsTrustedNetwork);
        Assert.False(Policy(server).PasswordAllowed(security));
    }

    [Fact]
    public async Task Password_on_tls_connection_from_untrusted_network_is_allowed()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync(new Dictionary<string, string?> { ["Parley:Tls:TrustLoopback"] = "false" });
        await using var client = await server.ConnectTlsAsync();
        await client.RegisterAsync("alice");

        Assert.True(Policy(server).PasswordAllowed(SecurityOf(server, "alice")));
    }

    [Fact]
    public async Task Password_on_plain_connection_from_a_configured_trusted_network_is_allowed()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Parley:Tls:TrustLoopback"] = "false",
            ["Parley:Tls:TrustedNetworks:0"] = "10.0.0.0/8",
            ["Parley:Tls:TrustedNetworks:1"] = "127.0.0.0/8",
        });
        await using var client = await server.ConnectAsAsync("alice");

        var security = SecurityOf(server, "alice");

        Assert.True(security.IsTrustedNetwork);
        Assert.True(Policy(server).PasswordAllowed(security));
    }

    [Fact]
    public async Task Password_on_plain_loopback_connection_with_default_settings_is_allowed()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var client = await server.ConnectAsAsync("alice");

        Assert.True(Policy(server).PasswordAllowed(SecurityOf(server, "alice")));
        Assert.True(Policy(server).RequireTlsForLogin);
    }

    [Fact]
    public async Task Password_on_plain_untrusted_connection_when_tls_not_required_is_allowed()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Parley:Tls:TrustLoopback"] = "false",
            ["Parley:Tls:RequireForLogin"] = "false",
        });
        await using var client = await server.ConnectAsAsync("alice");

        Assert.True(Policy(server).PasswordAllowed(SecurityOf(server, "alice")));
    }

    [Theory]
    [InlineData("/register alice correct-horse")]
    [InlineData("/login alice correct-horse")]
    [InlineData("#alice correct-horse")]
    public async Task Account_command_with_a_password_on_plain_untrusted_connection_gets_tls_required(string line)
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync(new Dictionary<string, string?> { ["Parley:Tls:TrustLoopback"] = "false" });
        await using var client = await server.ConnectAsync();

        Assert.Equal($"ERR TLS_REQUIRED {LoginTransportPolicy.RefusalText}", (await client.CommandAsync(line)).Reply);
        Assert.Equal("OK you have no nick yet", (await client.CommandAsync("/whoami")).Reply);
    }

    [Fact]
    public async Task Account_commands_over_tls_from_untrusted_network_work()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync(new Dictionary<string, string?> { ["Parley:Tls:TrustLoopback"] = "false" });
        await using var tls = await server.ConnectTlsAsync();
        await using var plain = await server.ConnectAsAsync("bob");

        Assert.Equal("OK registered and logged in as alice", (await tls.CommandAsync("/register alice correct-horse")).Reply);
        Assert.Equal("OK password changed", (await tls.CommandAsync("/passwd correct-horse battery-staple")).Reply);
        Assert.StartsWith("ERR TLS_REQUIRED", (await plain.CommandAsync("/passwd battery-staple x-battery-staple")).Reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("not-a-network")]
    public void Trusted_network_that_does_not_parse_is_refused_at_start(string network)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Hosting.ParleyServer.Build([new("Parley:Tls:TrustedNetworks:0", network)]));

        Assert.Contains("TrustedNetworks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_listeners_turned_off_is_refused_at_start()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Hosting.ParleyServer.Build(
            [new("Parley:Port", "0"), new("Parley:Tls:Port", "0"), new("Parley:Irc:Port", "0"), new("Parley:Irc:TlsPort", "0")]));

        Assert.Contains("no listener", error.Message, StringComparison.Ordinal);
    }

    private static ConnectionSecurity SecurityOf(ParleyTestServer server, string nick) => server.Hub.FindByNick(nick)!.Security;

    private static LoginTransportPolicy Policy(ParleyTestServer server) =>
        (LoginTransportPolicy)server.Services.GetService(typeof(LoginTransportPolicy))!;
}

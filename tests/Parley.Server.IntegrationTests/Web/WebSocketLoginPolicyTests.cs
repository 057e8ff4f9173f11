using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tls;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>Passwords over /ws: refused on plain ws from an untrusted peer, allowed over wss (HTTPS is TLS).</summary>
public sealed class WebSocketLoginPolicyTests
{
    private const string Password = "correct-horse-battery";

    [Fact]
    public async Task Sasl_plain_over_plain_ws_from_an_untrusted_peer_is_refused_and_over_wss_logs_in()
    {
        // Loopback untrusted: the peer counts as a remote one.
        await using var server = await WebServers.StartAsync(new Dictionary<string, string?> { ["Parley:Tls:TrustLoopback"] = "false" }, https: true);
        var certificate = server.Services.GetRequiredService<ServerCertificateSource>().Current.Leaf;
        await using (var register = await WebSocketTestClient.ConnectAsync(server.SecureWebSocketUri(), ["text.ircv3.net"], pinned: certificate))
        {
            await register.RegisterAsync("alice");
            await register.SendAsync($"PRIVMSG NickServ :REGISTER {Password}");
            await register.WaitForAsync(l => l.Contains("registered", StringComparison.OrdinalIgnoreCase));
            await register.SendAsync("QUIT");
            await register.ReadUntilClosedAsync();
        }

        await using var plain = await WebSocketTestClient.ConnectAsync(server.WebSocketUri(), ["text.ircv3.net"]);
        await plain.SendAsync("AUTHENTICATE PLAIN");
        Assert.StartsWith(":parley NOTICE * :Passwords are refused on a plain connection: connect with TLS", await plain.ReceiveAsync(), StringComparison.Ordinal);
        Assert.Equal(":parley 904 * :SASL authentication failed", await plain.ReceiveAsync());

        await using var secure = await WebSocketTestClient.ConnectAsync(server.SecureWebSocketUri(), ["text.ircv3.net"], pinned: certificate);
        await secure.SendAsync("AUTHENTICATE PLAIN");
        Assert.Equal("AUTHENTICATE +", await secure.ReceiveAsync());
        await secure.SendAsync("AUTHENTICATE " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0alice\0{Password}")));
        await secure.WaitForAsync(l => l.Contains(" 903 ", StringComparison.Ordinal));
    }
}

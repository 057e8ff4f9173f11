using System.Net;
using System.Net.Security;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tls;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>
/// Web sessions end to end over real sockets: the cookie from <c>POST /api/session</c> carried by a
/// <see cref="ClientWebSocket"/>'s upgrade to <c>/ws</c> signs in with SASL EXTERNAL; without it
/// EXTERNAL fails with 904; over HTTPS the cookie is <c>Secure</c>.
/// </summary>
public sealed class WebSessionSocketTests
{
    private const string Password = "correct-horse";

    [Fact]
    public async Task A_websocket_with_the_session_cookie_signs_in_with_sasl_external()
    {
        await using var server = await WebServers.StartAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        var cookies = new CookieContainer();
        using (var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies }) { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}") })
        {
            using var signIn = await http.PostAsync("/api/session", Credentials("alice"));
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("text.ircv3.net");
        socket.Options.Cookies = cookies;
        socket.Options.SetRequestHeader("Origin", server.Origin());
        await socket.ConnectAsync(server.WebSocketUri(), Timeout().Token);

        await SendAsync(socket, "CAP LS 302");
        await SendAsync(socket, "AUTHENTICATE EXTERNAL");
        await WaitForAsync(socket, l => l == "AUTHENTICATE +");
        await SendAsync(socket, "AUTHENTICATE +");
        var (success, before) = await WaitForAsync(socket, l => IrcTestClient.IsNumeric(l, "903") || IrcTestClient.IsNumeric(l, "904"));
        Assert.True(IrcTestClient.IsNumeric(success, "903"), string.Join("\n", before.Append(success)));
        Assert.Contains(before, l => l == ":parley 900 * *!alice@parley alice :You are now logged in as alice");
        await SendAsync(socket, "NICK alice");
        await SendAsync(socket, "USER u 0 * :Alice");
        await SendAsync(socket, "CAP END");
        await WaitForAsync(socket, l => l.StartsWith(":parley 001 alice ", StringComparison.Ordinal));

        Assert.Equal("alice", server.Hub.FindByNick("alice")!.AccountName);
    }

    [Fact]
    public async Task A_websocket_without_a_cookie_or_with_a_revoked_one_gets_904_for_sasl_external()
    {
        await using var server = await WebServers.StartAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        string token;
        using (var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}") })
        {
            using var signIn = await http.PostAsync("/api/session", Credentials("alice"));
            token = Assert.Single(signIn.Headers.GetValues("Set-Cookie")).Split(';')[0];
            using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/session");
            signOut.Headers.Add("Cookie", token);
            Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(signOut)).StatusCode);
        }

        foreach (var cookie in new string?[] { null, token })
        {
            using var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol("text.ircv3.net");
            if (cookie is not null)
                socket.Options.SetRequestHeader("Cookie", cookie);
            await socket.ConnectAsync(server.WebSocketUri(), Timeout().Token);

            await SendAsync(socket, "AUTHENTICATE EXTERNAL");

            var (failed, _) = await WaitForAsync(socket, l => IrcTestClient.IsNumeric(l, "904") || l == "AUTHENTICATE +");
            Assert.Equal(":parley 904 * :SASL authentication failed", failed);
        }
    }

    [Fact]
    public async Task Over_https_the_session_cookie_is_secure()
    {
        await using var server = await WebServers.StartAsync(https: true);
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        // The development certificate is self-signed: pinned, as WebHeadersTests do.
        var certificate = server.Services.GetRequiredService<ServerCertificateSource>().Current.Leaf;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString(),
            },
        })
        { BaseAddress = new Uri($"https://127.0.0.1:{server.HttpsPort}") };

        using var signIn = await http.PostAsync("/api/session", Credentials("alice"));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var attributes = Assert.Single(signIn.Headers.GetValues("Set-Cookie")).Split(';', StringSplitOptions.TrimEntries).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
    }

    private static StringContent Credentials(string account) =>
        new(JsonSerializer.Serialize(new Dictionary<string, string> { ["account"] = account, ["password"] = Password }), Encoding.UTF8, "application/json");

    private static CancellationTokenSource Timeout() => new(TestConnection.DefaultTimeout);

    private static async Task SendAsync(ClientWebSocket socket, string line)
    {
        using var timeout = Timeout();
        await socket.SendAsync(Encoding.UTF8.GetBytes(line), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    // Messages until one matches (bounded by the default timeout); returns it and the ones before.
    private static async Task<(string Line, List<string> Before)> WaitForAsync(ClientWebSocket socket, Func<string, bool> match)
    {
        using var timeout = Timeout();
        var before = new List<string>();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    throw new InvalidOperationException("closed after: " + string.Join("\n", before));
                length += result.Count;
            }
            while (!result.EndOfMessage);
            var line = Encoding.UTF8.GetString(buffer, 0, length);
            if (match(line))
                return (line, before);
            before.Add(line);
        }
    }
}

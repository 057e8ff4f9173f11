using System.Net;
using System.Text;
using System.Text.Json;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>
/// A revoked web session closes the WebSockets it proved, over real sockets: sign-out
/// (<c>DELETE /api/session</c>) closes that cookie's sockets and no other; a password change
/// closes the sockets of every session of the account, but not a connection signed in otherwise.
/// </summary>
public sealed class WebSessionRevocationTests
{
    private const string Password = "correct-horse";

    [Fact]
    public async Task Signing_out_closes_the_websockets_of_that_cookie_with_session_revoked_and_no_other()
    {
        await using var server = await WebServers.StartAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        using var http = Http(server);
        var first = await SignInAsync(http);
        var second = await SignInAsync(http);
        await using var signedIn = await ConnectAsync(server, first);
        await SignInWithExternalAsync(signedIn, "alice");
        await using var guest = await ConnectAsync(server, first);
        await guest.RegisterAsync("guest");
        await using var other = await ConnectAsync(server, second);
        await SignInWithExternalAsync(other, "alice");

        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/session");
        signOut.Headers.Add("Cookie", first);
        Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(signOut)).StatusCode);

        Assert.Equal("ERROR :Closing Link: alice[parley] (Session revoked)", (await signedIn.ReadUntilClosedAsync()).Lines[^1]);
        Assert.Equal("ERROR :Closing Link: guest[parley] (Session revoked)", (await guest.ReadUntilClosedAsync()).Lines[^1]);
        await other.SendAsync("PING still-here");
        await other.WaitForAsync(l => l == ":parley PONG parley still-here");
    }

    [Fact]
    public async Task A_password_change_closes_the_websockets_of_every_session_of_the_account_but_not_other_sign_ins()
    {
        await using var server = await WebServers.StartAsync();
        await using var line = await server.ConnectNewAccountAsync("alice", Password);
        using var http = Http(server);
        await using var first = await ConnectAsync(server, await SignInAsync(http));
        await SignInWithExternalAsync(first, "alice");
        await using var second = await ConnectAsync(server, await SignInAsync(http));
        await second.RegisterAsync("guest");
        // Signed in with the password (loopback allows it over plain HTTP), no cookie: not a web session's.
        await using var plain = await WebSocketTestClient.ConnectAsync(server.WebSocketUri(), ["text.ircv3.net"]);
        await SignInWithPlainAsync(plain, "alice");

        Assert.Equal("OK password changed", (await line.CommandAsync($"/passwd {Password} battery-staple")).Reply);

        Assert.Equal("ERROR :Closing Link: alice[parley] (Session revoked)", (await first.ReadUntilClosedAsync()).Lines[^1]);
        Assert.Equal("ERROR :Closing Link: guest[parley] (Session revoked)", (await second.ReadUntilClosedAsync()).Lines[^1]);
        await plain.SendAsync("PING still-here");
        await plain.WaitForAsync(l => l == ":parley PONG parley still-here");
    }

    [Fact]
    public async Task A_sign_in_beyond_the_cap_of_sessions_per_account_closes_the_websockets_of_the_one_it_revokes()
    {
        await using var server = await WebServers.StartAsync(new Dictionary<string, string?> { ["Parley:Web:MaxSessionsPerAccount"] = "1" });
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        using var http = Http(server);
        await using var old = await ConnectAsync(server, await SignInAsync(http));
        await SignInWithExternalAsync(old, "alice");

        var newer = await SignInAsync(http);

        Assert.Equal("ERROR :Closing Link: alice[parley] (Session revoked)", (await old.ReadUntilClosedAsync()).Lines[^1]);
        await using var current = await ConnectAsync(server, newer);
        await SignInWithExternalAsync(current, "alice");
    }

    private static HttpClient Http(ParleyTestServer server) =>
        new(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}"), Timeout = TestConnection.DefaultTimeout };

    // Signs alice in and returns the cookie, as the Cookie header carries it.
    private static async Task<string> SignInAsync(HttpClient http)
    {
        using var body = new StringContent(JsonSerializer.Serialize(new Dictionary<string, string> { ["account"] = "alice", ["password"] = Password }), Encoding.UTF8, "application/json");
        using var signIn = await http.PostAsync("/api/session", body);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        return Assert.Single(signIn.Headers.GetValues("Set-Cookie")).Split(';')[0];
    }

    private static Task<WebSocketTestClient> ConnectAsync(ParleyTestServer server, string cookie) =>
        WebSocketTestClient.ConnectAsync(server.WebSocketUri(), ["text.ircv3.net"], cookie: cookie);

    private static Task SignInWithExternalAsync(WebSocketTestClient client, string nick) => SignInWithSaslAsync(client, nick, "EXTERNAL", "+");

    private static Task SignInWithPlainAsync(WebSocketTestClient client, string nick) =>
        SignInWithSaslAsync(client, nick, "PLAIN", Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{nick}\0{Password}")));

    private static async Task SignInWithSaslAsync(WebSocketTestClient client, string nick, string mechanism, string response)
    {
        await client.SendAsync("CAP LS 302");
        await client.SendAsync("CAP REQ sasl");
        await client.WaitForAsync(l => l.Contains(" ACK ", StringComparison.Ordinal));
        await client.SendAsync("AUTHENTICATE " + mechanism);
        await client.WaitForAsync(l => l == "AUTHENTICATE +");
        await client.SendAsync("AUTHENTICATE " + response);
        await client.WaitForAsync(l => IrcTestClient.IsNumeric(l, "903"));
        await client.SendAsync("NICK " + nick);
        await client.SendAsync("USER u 0 * :Web User");
        await client.SendAsync("CAP END");
        await client.WaitForAsync(l => IrcTestClient.IsNumeric(l, "376") || IrcTestClient.IsNumeric(l, "422"));
    }
}

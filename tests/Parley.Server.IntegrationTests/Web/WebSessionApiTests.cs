using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Parley.Core.Accounts;
using Parley.Core.Security;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>
/// The sign-in API over real sockets (docs/web.md "Sign-in sessions"): <c>/api/session</c> and
/// <c>/api/account</c> with HttpClient and its cookie jar, against the real server on free ports.
/// </summary>
public sealed class WebSessionApiTests
{
    private const string Password = "correct-horse";

    [Fact]
    public async Task Sign_in_sets_an_http_only_strict_session_cookie_and_get_session_names_the_account()
    {
        await using var server = await StartAsync();
        await CreateAccountAsync(server, "Alice");
        var cookies = new CookieContainer();
        using var http = Client(server, cookies);

        using var signIn = await http.PostAsync("/api/session", Credentials("alice", Password));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("Alice", await AccountOfAsync(signIn));
        Assert.True(signIn.Headers.CacheControl?.NoStore);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Matches("^parley_session=[A-Za-z0-9_-]{43}$", cookie.Split(';')[0]);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);
        Assert.Contains($"max-age={(int)TimeSpan.FromDays(30).TotalSeconds}", attributes);
        // Plain HTTP from loopback: a Secure cookie would be dropped by the browser (docs/web.md).
        Assert.DoesNotContain("secure", attributes);

        using var whoAmI = await http.GetAsync("/api/session");
        Assert.Equal(HttpStatusCode.OK, whoAmI.StatusCode);
        Assert.Equal("Alice", await AccountOfAsync(whoAmI));
        Assert.True(whoAmI.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("alice", "wrong-password")]
    [InlineData("nobody", Password)]
    [InlineData("not a nick!", Password)]
    public async Task A_wrong_account_or_password_gets_401_and_no_cookie(string account, string password)
    {
        await using var server = await StartAsync();
        await CreateAccountAsync(server, "alice");
        using var http = Client(server);

        using var response = await http.PostAsync("/api/session", Credentials(account, password));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("wrong account or password", await ErrorOfAsync(response));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Failed_sign_ins_are_throttled_with_429_and_retry_after()
    {
        await using var server = await StartAsync(new() { ["Parley:Accounts:MaxFailedLoginsPerAccountAndAddress"] = "1" });
        await CreateAccountAsync(server, "alice");
        using var http = Client(server);

        using var first = await http.PostAsync("/api/session", Credentials("alice", "wrong-password"));
        using var second = await http.PostAsync("/api/session", Credentials("alice", Password));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.False(second.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Register_creates_the_account_signs_in_with_201_and_the_account_logs_in_elsewhere()
    {
        await using var server = await StartAsync();
        using var http = Client(server, new CookieContainer());

        using var created = await http.PostAsync("/api/account", Credentials("carol", Password));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("carol", await AccountOfAsync(created));
        Assert.Equal("carol", await AccountOfAsync(await http.GetAsync("/api/session")));
        await using var line = await server.ConnectAsync();
        Assert.Equal("OK logged in as carol", (await line.CommandAsync($"/login carol {Password}")).Reply);
    }

    [Theory]
    [InlineData("alice", Password, HttpStatusCode.Conflict)]
    [InlineData("ALICE", Password, HttpStatusCode.Conflict)]
    [InlineData("NickServ", Password, HttpStatusCode.Conflict)]
    [InlineData("bad nick", Password, HttpStatusCode.BadRequest)]
    [InlineData("dave", "short", HttpStatusCode.BadRequest)]
    public async Task Register_refuses_a_taken_or_invalid_name_or_password(string account, string password, HttpStatusCode expected)
    {
        await using var server = await StartAsync();
        await CreateAccountAsync(server, "alice");
        using var http = Client(server);

        using var response = await http.PostAsync("/api/account", Credentials(account, password));

        Assert.Equal(expected, response.StatusCode);
        Assert.NotEmpty(await ErrorOfAsync(response));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Get_session_without_or_with_an_unknown_cookie_is_401_and_a_stale_cookie_is_cleared()
    {
        await using var server = await StartAsync();
        using var http = Client(server, useCookies: false);

        using var none = await http.GetAsync("/api/session");
        using var unknown = await SendAsync(http, HttpMethod.Get, "/api/session", cookie: WebSessionToken.New());
        using var garbage = await SendAsync(http, HttpMethod.Get, "/api/session", cookie: "x\"; Path=/");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("not signed in", await ErrorOfAsync(none));
        Assert.False(none.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("expires=Thu, 01 Jan 1970", Assert.Single(unknown.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
    }

    [Fact]
    public async Task An_expired_session_is_refused_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await StartAsync(new() { ["Parley:Web:SessionLifetime"] = "01:00:00" }, services =>
            services.AddSingleton(provider => new WebSessionService(
                provider.GetRequiredService<AccountService>(), provider.GetRequiredService<IWebSessionStore>(),
                new WebSessionOptions { SessionLifetime = TimeSpan.FromHours(1) }, provider.GetRequiredService<LoginTransportPolicy>(), clock)));
        await CreateAccountAsync(server, "alice");
        using var http = Client(server, new CookieContainer());
        using var signIn = await http.PostAsync("/api/session", Credentials("alice", Password));
        Assert.Contains("max-age=3600", Assert.Single(signIn.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);

        clock.Advance(TimeSpan.FromMinutes(59));
        using var valid = await http.GetAsync("/api/session");
        clock.Advance(TimeSpan.FromMinutes(61));
        using var expired = await http.GetAsync("/api/session");

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task Delete_session_revokes_the_token_and_clears_the_cookie()
    {
        await using var server = await StartAsync();
        await CreateAccountAsync(server, "alice");
        using var http = Client(server, useCookies: false);
        var token = await SignInAsync(http, "alice");

        using var signOut = await SendAsync(http, HttpMethod.Delete, "/api/session", cookie: token);
        using var after = await SendAsync(http, HttpMethod.Get, "/api/session", cookie: token);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        var cleared = Assert.Single(signOut.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("parley_session=;", cleared, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_revokes_every_web_session_of_the_account()
    {
        await using var server = await StartAsync();
        await CreateAccountAsync(server, "alice");
        await CreateAccountAsync(server, "bob");
        using var http = Client(server, useCookies: false);
        var laptop = await SignInAsync(http, "alice");
        var phone = await SignInAsync(http, "alice");
        var bob = await SignInAsync(http, "bob");
        await using var line = await server.ConnectLoggedInAsync("alice", Password);

        Assert.Equal("OK password changed", (await line.CommandAsync($"/passwd {Password} battery-staple")).Reply);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, HttpMethod.Get, "/api/session", cookie: laptop)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, HttpMethod.Get, "/api/session", cookie: phone)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, HttpMethod.Get, "/api/session", cookie: bob)).StatusCode);
    }

    [Fact]
    public async Task An_operator_setting_the_password_revokes_the_accounts_web_sessions()
    {
        await using var server = await StartAsync(new() { ["Parley:Operators:0"] = "root" });
        await using var root = await server.ConnectNewAccountAsync("root", Password);
        await CreateAccountAsync(server, "alice");
        using var http = Client(server, useCookies: false);
        var token = await SignInAsync(http, "alice");

        Assert.Equal("OK password of alice set", (await root.CommandAsync("/sapasswd alice battery-staple")).Reply);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, HttpMethod.Get, "/api/session", cookie: token)).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/session")]
    [InlineData("POST", "/api/account")]
    [InlineData("DELETE", "/api/session")]
    public async Task A_foreign_origin_is_refused_with_403(string method, string path)
    {
        await using var server = await StartAsync();
        await CreateAccountAsync(server, "alice");
        using var http = Client(server, useCookies: false);
        var token = await SignInAsync(http, "alice");

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Credentials("alice", Password) };
        request.Headers.Add("Origin", "http://evil.example");
        request.Headers.Add("Cookie", "parley_session=" + token);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("origin", await ErrorOfAsync(response), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, HttpMethod.Get, "/api/session", cookie: token)).StatusCode);
    }

    [Fact]
    public async Task The_servers_own_origin_may_sign_in()
    {
        await using var server = await StartAsync();
        await CreateAccountAsync(server, "alice");
        using var http = Client(server);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session") { Content = Credentials("alice", Password) };
        request.Headers.Add("Origin", $"http://127.0.0.1:{server.HttpPort}");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413_and_not_read()
    {
        await using var server = await StartAsync();
        await CreateAccountAsync(server, "alice");
        using var http = Client(server);
        var padding = new string('x', 5000);

        using var declared = await http.PostAsync("/api/session", new StringContent($"{{\"account\":\"alice\",\"password\":\"{Password}\",\"pad\":\"{padding}\"}}", Encoding.UTF8, "application/json"));
        using var chunked = await http.PostAsync("/api/session", new ChunkedJson($"{{\"account\":\"alice\",\"password\":\"{Password}\",\"pad\":\"{padding}\"}}"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
    }

    [Theory]
    [InlineData("text/plain", "{\"account\":\"alice\",\"password\":\"correct-horse\"}", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", "account=alice&password=correct-horse", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", "{\"account\":\"alice\"", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"account\":\"alice\"}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"account\":1,\"password\":\"correct-horse\"}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "[]", HttpStatusCode.BadRequest)]
    public async Task A_body_that_is_not_the_credentials_json_is_refused(string contentType, string body, HttpStatusCode expected)
    {
        await using var server = await StartAsync();
        await CreateAccountAsync(server, "alice");
        using var http = Client(server);

        using var response = await http.PostAsync("/api/session", new StringContent(body, new MediaTypeHeaderValue(contentType)));

        Assert.Equal(expected, response.StatusCode);
        Assert.NotEmpty(await ErrorOfAsync(response));
    }

    [Fact]
    public async Task Plain_http_from_an_untrusted_address_refuses_the_password_with_tls_required()
    {
        // TrustLoopback off: 127.0.0.1 is then as any address on the internet (LoginTransportPolicyTests).
        await using var server = await StartAsync(new() { ["Parley:Tls:TrustLoopback"] = "false" });
        using var http = Client(server);

        using var signIn = await http.PostAsync("/api/session", Credentials("alice", Password));
        using var register = await http.PostAsync("/api/account", Credentials("alice", Password));

        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.StartsWith("TLS_REQUIRED ", await ErrorOfAsync(signIn), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        Assert.StartsWith("TLS_REQUIRED ", await ErrorOfAsync(register), StringComparison.Ordinal);
        Assert.Null(await server.Services.GetRequiredService<IAccountStore>().FindAsync("alice"));
    }

    [Fact]
    public async Task A_session_outlives_a_server_restart()
    {
        await using var first = await StartAsync();
        await CreateAccountAsync(first, "alice");
        using var before = Client(first, useCookies: false);
        var token = await SignInAsync(before, "alice");

        await using var second = await first.RestartAsync();
        using var after = Client(second, useCookies: false);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(after, HttpMethod.Get, "/api/session", cookie: token)).StatusCode);
    }

    private static Task<ParleyTestServer> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var all = new Dictionary<string, string?> { ["Parley:Http:Port"] = ParleyTestServer.AnyFreePort };
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        return ParleyTestServer.StartAsync(all, configureServices);
    }

    private static async Task CreateAccountAsync(ParleyTestServer server, string nick) =>
        await (await server.ConnectNewAccountAsync(nick, Password)).DisposeAsync();

    private static HttpClient Client(ParleyTestServer server, CookieContainer? cookies = null, bool useCookies = true) =>
        new(new SocketsHttpHandler { UseCookies = useCookies && cookies is not null, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}"),
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static StringContent Credentials(string account, string password) =>
        new(JsonSerializer.Serialize(new Dictionary<string, string> { ["account"] = account, ["password"] = password }), Encoding.UTF8, "application/json");

    // Signs in and returns the token from Set-Cookie (a client that keeps no jar).
    private static async Task<string> SignInAsync(HttpClient http, string account)
    {
        using var response = await http.PostAsync("/api/session", Credentials(account, Password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        return cookie.Split(';')[0]["parley_session=".Length..];
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string cookie)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", "parley_session=" + cookie);
        return await http.SendAsync(request);
    }

    private static async Task<string> AccountOfAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("account").GetString()!;
    }

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("error").GetString()!;
    }

    // A body sent chunked (no Content-Length), so the server must bound it while reading.
    private sealed class ChunkedJson : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedJson(string text)
        {
            _bytes = Encoding.UTF8.GetBytes(text);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

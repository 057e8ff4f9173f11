using Parley.Core.Sessions;
using Parley.FrontEnds.Tests.Harness;

namespace Parley.FrontEnds.Tests.Sessions;

/// <summary>
/// SASL EXTERNAL with a web session (docs/web.md "Sign-in sessions"): a connection whose transport
/// proved an account (<see cref="ConnectionSecurity.WebSessionAccount"/>, set by the WebSocket
/// upgrade from the cookie) signs in to it without a password; without one EXTERNAL fails (904).
/// </summary>
public sealed class WebSessionSaslTests : IAsyncDisposable
{
    private const string Password = "correct-horse";
    private readonly InMemoryFrontEnds _server = new();

    [Fact]
    public async Task External_with_a_web_session_signs_in_to_its_account_and_keeps_the_chosen_nick()
    {
        await CreateOfflineAccountAsync("alice");
        var irc = _server.ConnectIrc(security: WebSession("alice"));

        await irc.SendAsync("CAP REQ :sasl");
        await irc.ExpectAsync(":parley CAP * ACK sasl");
        await irc.SendAsync("AUTHENTICATE EXTERNAL");
        await irc.ExpectAsync("AUTHENTICATE +");
        await irc.SendAsync("AUTHENTICATE +");
        await irc.ExpectAsync(":parley 900 * *!alice@parley alice :You are now logged in as alice");
        await irc.ExpectAsync(":parley 903 * :SASL authentication successful");
        await irc.SendAsync("NICK alice");
        await irc.SendAsync("USER u 0 * :Alice");
        await irc.SendAsync("CAP END");

        await irc.ExpectAsync(":parley 001 alice :Welcome to the Parley IRC Network alice!alice@parley");
        Assert.Equal("alice", _server.Hub.FindByNick("alice")!.AccountName);
    }

    [Fact]
    public async Task External_with_a_web_session_and_its_own_account_as_authzid_signs_in()
    {
        await CreateOfflineAccountAsync("alice");
        var irc = _server.ConnectIrc(security: WebSession("alice"));

        await irc.SendAsync("AUTHENTICATE EXTERNAL");
        await irc.ExpectAsync("AUTHENTICATE +");
        await irc.SendAsync("AUTHENTICATE " + Convert.ToBase64String("ALICE"u8.ToArray()));

        await irc.WaitForAsync(l => l.Contains(" 903 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task External_naming_another_account_than_the_web_sessions_gets_904()
    {
        await CreateOfflineAccountAsync("alice");
        await CreateOfflineAccountAsync("bob");
        var irc = _server.ConnectIrc(security: WebSession("alice"));

        await irc.SendAsync("AUTHENTICATE EXTERNAL");
        await irc.ExpectAsync("AUTHENTICATE +");
        await irc.SendAsync("AUTHENTICATE " + Convert.ToBase64String("bob"u8.ToArray()));

        await irc.ExpectAsync(":parley 904 * :SASL authentication failed");
    }

    [Fact]
    public async Task External_with_a_web_session_of_an_account_dropped_since_gets_904()
    {
        var irc = _server.ConnectIrc(security: WebSession("ghost"));

        await irc.SendAsync("AUTHENTICATE EXTERNAL");
        await irc.ExpectAsync("AUTHENTICATE +");
        await irc.SendAsync("AUTHENTICATE +");

        await irc.ExpectAsync(":parley 904 * :SASL authentication failed");
    }

    [Fact]
    public async Task External_without_a_web_session_or_certificate_gets_904_at_once()
    {
        await CreateOfflineAccountAsync("alice");
        var irc = _server.ConnectIrc();

        await irc.SendAsync("AUTHENTICATE EXTERNAL");

        await irc.ExpectAsync(":parley NOTICE * :SASL EXTERNAL needs a TLS client certificate registered with /cert add");
        await irc.ExpectAsync(":parley 904 * :SASL authentication failed");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    // What the WebSocket endpoint gives a connection whose upgrade carried a valid cookie: plain
    // HTTP from an untrusted address, so a password (PLAIN) would be refused; the session is not.
    private static ConnectionSecurity WebSession(string account) => new() { WebSessionAccount = account };

    private async Task CreateOfflineAccountAsync(string nick)
    {
        await using var line = _server.ConnectLine();
        Assert.StartsWith("HELLO ", await line.ReadLineAsync(), StringComparison.Ordinal);
        await line.SendAsync($"/register {nick} {Password}");
        await line.ExpectAsync($"OK registered and logged in as {nick}");
        await line.SendAsync("/logout");
        await line.WaitForAsync(l => l.StartsWith("OK", StringComparison.Ordinal));
    }
}

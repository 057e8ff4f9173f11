using Parley.Server.IntegrationTests.Irc;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Accounts;

/// <summary>The cap on sessions per account (<c>Parley:Accounts:MaxSessionsPerAccount</c>), on the line protocol and IRC.</summary>
public sealed class SessionCapTests
{
    private const string Password = "correct-horse";

    private static readonly Dictionary<string, string?> TwoSessions = new() { ["Parley:Accounts:MaxSessionsPerAccount"] = "2" };

    [Fact]
    public async Task A_login_beyond_the_cap_is_refused_until_a_session_leaves()
    {
        await using var server = await ParleyTestServer.StartAsync(TwoSessions);
        await using var laptop = await server.ConnectNewAccountAsync("alice", Password);
        var phone = await server.ConnectLoggedInAsync("alice", Password);
        await using var third = await server.ConnectAsync();

        var refused = (await third.CommandAsync($"/login alice {Password}")).Reply;
        await phone.CommandAsync("/quit");
        await phone.DisposeAsync();
        await laptop.DrainAsync();

        Assert.Equal("ERR TOO_MANY_SESSIONS alice is logged in from 2 connections, the most allowed; log out or /quit one of them first", refused);
        Assert.Equal("OK logged in as alice", (await third.CommandAsync($"#alice {Password}")).Reply);
    }

    [Fact]
    public async Task A_sasl_login_beyond_the_cap_gets_fail_and_904()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(TwoSessions);
        await using var laptop = await server.ConnectNewAccountAsync("alice", Password);
        await using var phone = await server.ConnectLoggedInAsync("alice", Password);
        await using var irc = await server.ConnectIrcAsync();
        await irc.SendAsync("CAP REQ :sasl");
        await irc.ReadLineAsync();

        await irc.SendAsync("AUTHENTICATE PLAIN");
        await irc.ExpectAsync("AUTHENTICATE +");
        await irc.SendAsync("AUTHENTICATE " + IrcSaslTests.Plain("", "alice", Password));

        await irc.ExpectAsync(
            ":parley FAIL * TOO_MANY_SESSIONS alice :alice is logged in from the most connections allowed; close one first",
            ":parley 904 * :SASL authentication failed");
    }
}

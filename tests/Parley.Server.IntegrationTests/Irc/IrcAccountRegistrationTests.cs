using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// IRCv3 draft/account-registration (ircv3.net/specs/extensions/account-registration):
/// <c>REGISTER &lt;account&gt; &lt;email|*&gt; &lt;password&gt;</c>, <c>REGISTER SUCCESS</c>,
/// standard-reply <c>FAIL REGISTER</c> codes, <c>VERIFY</c>.
/// </summary>
public sealed class IrcAccountRegistrationTests
{
    [Fact]
    public async Task Capability_is_listed()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsync();

        await irc.SendAsync("CAP LS 302");

        var (ls, _) = await irc.WaitForAsync(l => l.Contains(" CAP * LS ", StringComparison.Ordinal));
        Assert.Contains("draft/account-registration", ls, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_creates_the_account_of_the_current_nick_and_logs_in()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsAsync("alice");

        await irc.SendAsync("REGISTER * alice@example.org correct-horse");

        await irc.ExpectAsync(
            ":parley REGISTER SUCCESS alice :Account created",
            ":parley 900 alice alice!u@parley alice :You are now logged in as alice");
    }

    [Fact]
    public async Task Register_failures_are_standard_replies()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsAsync("alice");

        await irc.SendAsync("REGISTER bob * correct-horse");
        await irc.ExpectAsync(":parley FAIL REGISTER ACCOUNT_NAME_MUST_BE_NICK bob :The account name must be your current nick");
        await irc.SendAsync("REGISTER alice * short");
        await irc.ExpectAsync(":parley FAIL REGISTER UNACCEPTABLE_PASSWORD alice :a password is 8-128 characters without spaces");
        await irc.SendAsync("REGISTER alice * correct-horse");
        await irc.WaitForAsync(l => IrcTestClient.IsNumeric(l, "900"));
        await irc.SendAsync("REGISTER alice * correct-horse");
        await irc.ExpectAsync(":parley FAIL REGISTER ALREADY_AUTHENTICATED alice :You are already logged in");
        await irc.SendAsync("VERIFY alice 1234");
        await irc.ExpectAsync(":parley FAIL VERIFY INVALID_CODE alice :No verification is pending: REGISTER needs none here");
    }

    [Fact]
    public async Task Register_before_connection_registration_asks_to_complete_it()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsync();

        await irc.SendAsync("NICK alice");
        await irc.SendAsync("REGISTER * * correct-horse");

        await irc.ExpectAsync(":parley FAIL REGISTER COMPLETE_CONNECTION_REQUIRED * :Register your connection first (NICK and USER), then REGISTER");
    }
}

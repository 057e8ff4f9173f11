using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// The server password, <c>Parley:Irc:Password</c>: <c>PASS</c> before registration (RFC 2812
/// §3.1.1; modern.ircdocs.horse "PASS message"), <c>464 ERR_PASSWDMISMATCH</c> and a closed
/// connection when it is wrong or missing.
/// </summary>
public sealed class IrcServerPasswordTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Parley:Irc:Password"] = "letmein" };

    [Fact]
    public async Task Right_server_password_registers()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(Settings);
        await using var irc = await server.ConnectIrcAsync();

        await irc.SendAsync("PASS letmein");
        var burst = await irc.RegisterAsync("alice");

        Assert.Contains(burst, l => IrcTestClient.IsNumeric(l, "001"));
    }

    [Theory]
    [InlineData("PASS wrong")]
    [InlineData(null)]
    public async Task Wrong_or_missing_server_password_gets_464_and_is_closed(string? pass)
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(Settings);
        await using var irc = await server.ConnectIrcAsync();

        if (pass is not null)
            await irc.SendAsync(pass);
        await irc.SendAsync("NICK alice");
        await irc.SendAsync("USER u 0 * :Real Name");

        await irc.ExpectAsync(":parley 464 * :Password incorrect", "ERROR :Closing Link: *[parley] (Bad server password)");
        Assert.False(server.Hub.IsOnline("alice"));
    }

    [Fact]
    public async Task Server_password_and_account_password_together_log_in()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(Settings);
        await using (var line = await server.ConnectNewAccountAsync("alice", "correct-horse"))
        {
            await line.SendAsync("/quit");
        }

        await using var irc = await server.ConnectIrcAsync();
        await irc.SendAsync("PASS letmein:correct-horse");
        await irc.SendAsync("NICK alice");
        await irc.SendAsync("USER u 0 * :Real Name");

        await irc.ExpectAsync(":parley 900 alice alice!u@parley alice :You are now logged in as alice");
    }
}

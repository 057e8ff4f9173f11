using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// ChanServ in-band over a raw IRC socket: registered channels are Parley's registered rooms
/// (docs/irc.md, "Services"); answers are NOTICEs from <c>ChanServ!ChanServ@services</c> and
/// role changes are ChanServ's MODE lines (RFC 2812 §3.2.3).
/// </summary>
public sealed class IrcChanServTests
{
    private const string Password = "correct-horse";
    private const string From = ":ChanServ!ChanServ@services NOTICE ";

    [Fact]
    public async Task Register_needs_an_account_then_registers_the_channel()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsAsync("alice");
        await irc.SendAsync("JOIN #dev");
        await irc.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));

        await irc.SendAsync("PRIVMSG ChanServ :REGISTER #dev");
        await irc.ExpectAsync(From + "alice :You must be logged in to an account: /msg NickServ IDENTIFY <account> <password>.");

        await irc.SendAsync($"NS REGISTER {Password}");
        await irc.WaitForAsync(l => l.Contains("registered;", StringComparison.Ordinal));
        await irc.SendAsync("CS REGISTER #dev");
        await irc.ExpectAsync(
            ":parley NOTICE #dev :alice registered the channel to their account",
            From + "alice :#dev is now registered to your account, alice.");
        Assert.NotNull(server.Hub.Rooms.Find("#dev")?.OwnerAccountId);
    }

    [Fact]
    public async Task Founder_ops_and_deops_members_through_ChanServ()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await RegisteredFounderAsync(server);
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await bob.SendAsync("JOIN #dev");
        await bob.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        await alice.WaitForAsync(l => l.Contains(" JOIN #dev", StringComparison.Ordinal));

        await alice.SendAsync("CS OP #dev bob");
        await alice.ExpectAsync(":ChanServ!ChanServ@services MODE #dev +o bob");
        await bob.ExpectAsync(":ChanServ!ChanServ@services MODE #dev +o bob");

        await alice.SendAsync("CS DEOP #dev bob");
        await alice.ExpectAsync(":ChanServ!ChanServ@services MODE #dev -o bob");
    }

    [Fact]
    public async Task Only_the_founder_may_use_OP()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await RegisteredFounderAsync(server);
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await bob.SendAsync("JOIN #dev");
        await bob.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));

        await bob.SendAsync("CS OP #dev");

        await bob.ExpectAsync(From + "bob :You must be logged in to an account: /msg NickServ IDENTIFY <account> <password>.");
    }

    [Fact]
    public async Task Info_names_the_founder_and_Drop_unregisters()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await RegisteredFounderAsync(server);

        await alice.SendAsync("CS INFO #dev");
        await alice.ExpectAsync(From + "alice :Information on #dev:", From + "alice :Founder    : alice");
        await alice.WaitForAsync(l => l.EndsWith(":*** End of Info ***", StringComparison.Ordinal));

        await alice.SendAsync("CS DROP #dev");
        await alice.ExpectAsync(
            ":parley NOTICE #dev :alice unregistered the channel",
            From + "alice :#dev has been dropped.");
        Assert.Null(server.Hub.Rooms.Find("#dev")?.OwnerAccountId);
    }

    private static async Task<IrcTestClient> RegisteredFounderAsync(ParleyTestServer server)
    {
        var alice = await server.ConnectIrcAsAsync("alice");
        await alice.SendAsync($"NS REGISTER {Password}");
        await alice.WaitForAsync(l => l.Contains("registered;", StringComparison.Ordinal));
        await alice.SendAsync("JOIN #dev");
        await alice.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        await alice.SendAsync("CS REGISTER #dev");
        await alice.WaitForAsync(l => l.Contains("is now registered", StringComparison.Ordinal));
        return alice;
    }
}

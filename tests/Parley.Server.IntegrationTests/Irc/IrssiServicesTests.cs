using System.Globalization;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// The services driven through a real IRC client, irssi under tmux: an IRC-only user registers
/// with NickServ, identifies after reconnecting (its nick was taken by its own account, so irssi
/// fell back to another), registers a channel with ChanServ and is opped by ChanServ, then, its
/// account being listed in <c>Parley:Operators</c>, becomes a server operator with OPER and kills a
/// user (issue 11's client walk-through).
/// </summary>
public sealed class IrssiServicesTests
{
    [Fact]
    public async Task Irc_only_user_registers_identifies_on_reconnect_registers_a_channel_opers_and_kills()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Operators:0"] = "ircfan" });
        await using var bob = await server.ConnectAsAsync("bob");
        var home = ParleyTestServer.NewTemporaryDirectory();
        var port = server.IrcPort.ToString(CultureInfo.InvariantCulture);
        try
        {
            await using (var irssi = await TmuxSession.StartAsync("irssi", "--home=" + home, "-c", "127.0.0.1", "-p", port, "-n", "ircfan"))
            {
                await irssi.WaitForScreenAsync("Welcome to the Parley IRC Network ircfan!");
                // irssi shows a service's NOTICEs in the service's query window.
                await irssi.SendLineAsync("/msg NickServ REGISTER correct-horse");
                await irssi.SendLineAsync("/window goto NickServ");
                await irssi.WaitForScreenAsync("Account ircfan registered");
                await irssi.SendLineAsync("/quit registered");
                await bob.WaitForAsync(l => l == "SYS ircfan left (registered)");
            }

            await using var again = await TmuxSession.StartAsync("irssi", "--home=" + home, "-c", "127.0.0.1", "-p", port, "-n", "ircfan");
            // The nick is the account's now: 433, and irssi takes another one by itself.
            await again.WaitForScreenAsync("Welcome to the Parley IRC Network ircfan_");
            await again.SendLineAsync("/msg NickServ IDENTIFY ircfan correct-horse");
            await again.WaitForScreenAsync("You're now known as ircfan");
            await again.SendLineAsync("/window goto NickServ");
            await again.WaitForScreenAsync("Password accepted");
            Assert.True(server.Hub.FindByNick("ircfan")?.IsLoggedIn);

            await again.SendLineAsync("/join #fans");
            await again.WaitForScreenAsync("has joined #fans");
            await again.SendLineAsync("/msg ChanServ REGISTER #fans");
            await again.SendLineAsync("/window goto ChanServ");
            await again.WaitForScreenAsync("#fans is now registered to your account");
            Assert.NotNull(server.Hub.Rooms.Find("#fans")?.OwnerAccountId);

            await again.SendLineAsync("/window goto #fans");
            await again.SendLineAsync("/msg ChanServ DEOP #fans");
            await again.WaitForScreenAsync("[-o ircfan] by ChanServ");
            await again.SendLineAsync("/msg ChanServ OP #fans");
            await again.WaitForScreenAsync("[+o ircfan] by ChanServ");

            // modern.ircdocs.horse: OPER answers 381; KILL closes the victim's connection.
            await again.SendLineAsync("/oper ircfan correct-horse");
            await again.SendLineAsync("/window goto 1"); // irssi shows server numerics in its status window
            await again.WaitForScreenAsync("You are now an IRC operator");
            await again.SendLineAsync("/kill bob spamming");
            Assert.Equal("BYE killed by ircfan: spamming", (await bob.ReadUntilClosedAsync()).Last());
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}

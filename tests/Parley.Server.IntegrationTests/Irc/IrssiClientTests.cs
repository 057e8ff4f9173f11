using System.Globalization;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>A real IRC client from Debian, irssi, driven under tmux (.ci/run installs both).</summary>
public sealed class IrssiClientTests
{
    [Fact]
    public async Task Irssi_registers_and_exchanges_messages_and_channel_messages_with_a_line_user()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        var home = ParleyTestServer.NewTemporaryDirectory();
        try
        {
            await using var irssi = await TmuxSession.StartAsync(
                "irssi", "--home=" + home, "-c", "127.0.0.1", "-p", server.IrcPort.ToString(CultureInfo.InvariantCulture), "-n", "ircfan");

            // irssi negotiates CAP (it asks for server-time and multi-prefix), then registers.
            await bob.WaitForAsync(l => l == "SYS ircfan joined");
            await irssi.WaitForScreenAsync("Welcome to the Parley IRC Network ircfan!");

            await irssi.SendLineAsync("/msg bob hello from irssi");
            await bob.WaitForAsync(l => l == "DM ircfan: hello from irssi");

            await bob.SendAsync("@ircfan:hi irssi, from the line protocol");
            await bob.SendAsync("/bm hello everyone");
            await irssi.SendLineAsync("/window goto bob");
            await irssi.WaitForScreenAsync("<bob> hi irssi, from the line protocol");
            await irssi.WaitForScreenAsync("-bob(bob@parley)- hello everyone");

            // A channel is a room: bob (line protocol) owns it, irssi joins, both talk in it.
            await bob.SendAsync("/join #irssi");
            await bob.WaitForAsync(l => l.StartsWith("OK joined #irssi", StringComparison.Ordinal));
            await irssi.SendLineAsync("/join #irssi");
            await bob.WaitForAsync(l => l == "ROOM #irssi ircfan joined");
            await irssi.WaitForScreenAsync("has joined #irssi");
            await irssi.SendLineAsync("hello channel from irssi");
            await bob.WaitForAsync(l => l == "RM #irssi ircfan: hello channel from irssi");
            await bob.SendAsync("/say #irssi hi irssi, from the room");
            await irssi.WaitForScreenAsync("bob> hi irssi, from the room");

            await irssi.SendLineAsync("/quit leaving now");
            await bob.WaitForAsync(l => l == "ROOM #irssi ircfan quit (leaving now)");
            await bob.WaitForAsync(l => l == "SYS ircfan left (leaving now)");
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}

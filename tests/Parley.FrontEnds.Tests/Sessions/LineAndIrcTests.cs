using Parley.FrontEnds.Tests.Harness;

namespace Parley.FrontEnds.Tests.Sessions;

/// <summary>A line session and an IRC session on one hub: direct messages both ways, and a room they share.</summary>
public sealed class LineAndIrcTests : IAsyncDisposable
{
    private readonly InMemoryFrontEnds _server = new();

    [Fact]
    public async Task A_direct_message_goes_from_line_to_irc_and_back_each_sender_confirmed()
    {
        var line = await _server.ConnectLineAsAsync("bob");
        var irc = await _server.ConnectIrcAsAsync("alice");
        await line.ExpectAsync("SYS alice joined");

        await line.SendAsync("@alice:hi from the line protocol");
        await line.ExpectAsync("OK delivered to alice");
        await irc.ExpectAsync(":bob!bob@parley PRIVMSG alice :hi from the line protocol");

        await irc.SendAsync("PRIVMSG bob :hi from irc ✓");
        await line.ExpectAsync("DM alice: hi from irc ✓");
    }

    [Fact]
    public async Task A_room_joined_from_both_protocols_carries_messages_each_way_with_the_senders_echo_and_parts()
    {
        var line = await _server.ConnectLineAsAsync("alice");
        var irc = await _server.ConnectIrcAsAsync("bob", "echo-message");
        await line.ExpectAsync("SYS bob joined");

        await line.SendAsync("/join #dev");
        await line.ExpectAsync("MEMBERS #dev @alice");
        await line.ExpectAsync("OK joined #dev (new room; you are its operator)");
        await irc.SendAsync("JOIN #dev");
        await irc.ExpectAsync(":bob!u@parley JOIN #dev");
        await irc.WaitForAsync(l => l == ":parley 366 bob #dev :End of /NAMES list");
        await line.ExpectAsync("ROOM #dev bob joined");

        await line.SendAsync("@#dev:hello room");
        Assert.Matches(@"^ECHO \d+ \S+Z alice -> #dev: hello room$", await line.ReadLineAsync());
        await line.ExpectAsync("OK sent to 1 member of #dev");
        await irc.ExpectAsync(":alice!alice@parley PRIVMSG #dev :hello room");

        await irc.SendAsync("PRIVMSG #dev :hi alice");
        await irc.ExpectAsync(":bob!u@parley PRIVMSG #dev :hi alice");
        await line.ExpectAsync("RM #dev bob: hi alice");

        await irc.SendAsync("PART #dev :see you");
        await irc.ExpectAsync(":bob!u@parley PART #dev :see you");
        await line.ExpectAsync("ROOM #dev bob left (see you)");
        await line.SendAsync("/part #dev");
        await line.ExpectAsync("OK left #dev");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Sessions;
using Parley.FrontEnds.Connections;
using Parley.FrontEnds.Irc;
using Parley.FrontEnds.Line;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>
/// The connection base over a frame transport that is not a byte stream (one line per message, as
/// a WebSocket's), and the order of building and connecting.
/// </summary>
public sealed class FrameConnectionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_line_session_over_a_message_transport_gets_one_line_per_message_without_terminators()
    {
        await using var server = await ParleyTestServer.StartAsync();
        var transport = new MemoryFrameTransport();
        var run = server.Services.GetRequiredService<LineFrontEnd>().RunConnectionAsync(transport, "127.0.0.1:40000", ConnectionSecurity.Unknown);

        Assert.StartsWith("HELLO Parley ", await transport.ReceiveAsync(), StringComparison.Ordinal);
        transport.Send("#alice");
        Assert.Equal("OK registered as alice", await transport.ReceiveAsync());
        await using var bob = await server.ConnectAsAsync("bob");
        await transport.ReceiveUntilAsync(l => l == "SYS bob joined");
        await bob.SendAsync("@alice:hi over a message");
        await bob.ExpectAsync("OK delivered to alice");
        Assert.Equal("DM bob: hi over a message", await transport.ReceiveAsync());
        transport.Send("@bob:" + new string('x', 5000));
        Assert.Equal("ERR LINE_TOO_LONG lines are at most 4096 bytes", await transport.ReceiveAsync());
        transport.Send("@bob:and back");
        Assert.Equal("OK delivered to bob", await transport.ReceiveAsync());
        await bob.ExpectAsync("DM alice: and back");

        transport.Send("/quit");
        var last = await transport.ReceiveAllAsync();
        await run.WaitAsync(Timeout);
        Assert.StartsWith("BYE ", last[^1], StringComparison.Ordinal);
        Assert.Null(server.Hub.FindByNick("alice"));
    }

    [Fact]
    public async Task An_irc_session_over_a_message_transport_registers_and_gets_lines_without_cr_lf()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        var transport = new MemoryFrameTransport(maxFrameBytes: 510);
        var run = server.Services.GetRequiredService<IrcFrontEnd>().RunConnectionAsync(transport, "127.0.0.1:40001", ConnectionSecurity.Unknown);

        transport.Send("NICK alice");
        transport.Send("USER u 0 * :Alice");
        var welcome = await transport.ReceiveUntilAsync(l => l.Contains(" 376 ", StringComparison.Ordinal) || l.Contains(" 422 ", StringComparison.Ordinal));
        Assert.Contains(welcome, l => l.StartsWith(":parley 001 alice ", StringComparison.Ordinal));
        Assert.All(welcome, l => Assert.False(l.Contains('\r', StringComparison.Ordinal) || l.Contains('\n', StringComparison.Ordinal), l));
        transport.Send("PRIVMSG alice :" + new string('x', 600));
        Assert.Equal(":parley 417 alice :Input line was too long", await transport.ReceiveAsync());

        transport.Send("QUIT :bye");
        var last = await transport.ReceiveAllAsync();
        await run.WaitAsync(Timeout);
        Assert.StartsWith("ERROR :Closing Link: alice[", last[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hub_connects_a_connection_only_once_built_so_a_close_from_inside_connect_reaches_a_whole_one()
    {
        // During shutdown ChatHub.Connect closes the new session's sink at once. Were the connection
        // connected from the base constructor, the close would run before ProbeConnection's own
        // constructor had made its farewell line (and its host would still be null).
        await using var server = await ParleyTestServer.StartAsync();
        var host = (IConnectionHost)server.Services.GetRequiredService<LineFrontEnd>();
        server.Hub.Shutdown();
        var transport = new MemoryFrameTransport();

        var run = new ProbeConnection(transport, host, "farewell from a whole connection").RunAsync("127.0.0.1:40002", ConnectionSecurity.Unknown);

        Assert.Equal(["farewell from a whole connection"], await transport.ReceiveAllAsync());
        await run.WaitAsync(Timeout);
    }

    [Fact]
    public async Task An_irc_connection_closed_from_inside_connect_says_why_with_no_nick_yet()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        server.Hub.Shutdown();
        var transport = new MemoryFrameTransport();

        var run = server.Services.GetRequiredService<IrcFrontEnd>().RunConnectionAsync(transport, "127.0.0.1:40003", ConnectionSecurity.Unknown);

        Assert.Equal(["ERROR :Closing Link: *[parley] (server shutting down)"], await transport.ReceiveAllAsync());
        await run.WaitAsync(Timeout);
    }
}

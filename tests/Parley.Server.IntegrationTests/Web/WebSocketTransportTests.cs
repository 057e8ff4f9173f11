using System.Net.WebSockets;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>IRC over /ws (IRCv3 websocket, RFC 6455) with a real ClientWebSocket on 127.0.0.1.</summary>
public sealed class WebSocketTransportTests
{
    [Theory]
    // The spec: the server takes the client's first supported subprotocol, in the client's order.
    [InlineData(new[] { "text.ircv3.net" }, "text.ircv3.net", WebSocketMessageType.Text)]
    [InlineData(new[] { "binary.ircv3.net" }, "binary.ircv3.net", WebSocketMessageType.Binary)]
    [InlineData(new[] { "binary.ircv3.net", "text.ircv3.net" }, "binary.ircv3.net", WebSocketMessageType.Binary)]
    [InlineData(new[] { "text.ircv3.net", "binary.ircv3.net" }, "text.ircv3.net", WebSocketMessageType.Text)]
    // None offered: served anyway, without the header, in text (the spec leaves it to the server).
    [InlineData(new string[0], null, WebSocketMessageType.Text)]
    public async Task Subprotocol_is_the_clients_first_supported_and_sets_the_message_type(string[] offered, string? chosen, WebSocketMessageType type)
    {
        await using var server = await WebServers.StartAsync();
        await using var client = await WebSocketTestClient.ConnectAsync(server.WebSocketUri(), offered);

        await client.SendAsync("NICK alice");
        await client.SendAsync("USER u 0 * :Alice");
        var welcome = await client.ReceiveAsync();

        Assert.Equal(chosen, client.SubProtocol);
        Assert.Equal(":parley 001 alice :Welcome to the Parley IRC Network alice!u@parley", welcome);
        Assert.Equal(type, client.LastMessageType);
    }

    [Fact]
    public async Task Web_user_chats_with_an_irc_user_and_a_line_user_in_a_room_and_in_direct_messages()
    {
        await using var server = await WebServers.StartAsync();
        await using var web = await server.ConnectWebAsAsync("alice");
        await using var irc = await server.ConnectIrcAsAsync("bob");
        await using var line = await server.ConnectAsAsync("carol");
        await web.SendAsync("JOIN #dev");
        await web.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        await irc.SendAsync("JOIN #dev");
        await irc.DrainAsync();
        await line.JoinAsync("#dev");

        await web.SendAsync("PRIVMSG #dev :hello from the browser ✓");
        await irc.WaitForAsync(l => l == ":alice!u@parley PRIVMSG #dev :hello from the browser ✓");
        await line.WaitForAsync(l => l == "RM #dev alice: hello from the browser ✓");
        await irc.SendAsync("PRIVMSG #dev :hi alice");
        await web.WaitForAsync(l => l == ":bob!u@parley PRIVMSG #dev :hi alice");
        await line.SendAsync("/say #dev hi from the line");

        await web.WaitForAsync(l => l == ":carol!carol@parley PRIVMSG #dev :hi from the line");
        await irc.SendAsync("PRIVMSG alice :a DM over TCP");
        await web.WaitForAsync(l => l == ":bob!u@parley PRIVMSG alice :a DM over TCP");
        await web.SendAsync("PRIVMSG carol :a DM over WebSocket");
        await line.WaitForAsync(l => l == "DM alice: a DM over WebSocket");
        await line.SendAsync("@alice:and back");
        await web.WaitForAsync(l => l == ":carol!carol@parley PRIVMSG alice :and back");
    }

    [Fact]
    public async Task Message_over_the_irc_line_limit_gets_417_then_close_1009()
    {
        await using var server = await WebServers.StartAsync();
        await using var web = await server.ConnectWebAsAsync("alice");

        await web.SendAsync("PRIVMSG #dev :" + new string('x', 10_000));
        var (lines, status) = await web.ReadUntilClosedAsync();

        Assert.Equal([":parley 417 alice :Input line was too long"], lines);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, status);
        Assert.Null(server.Hub.FindByNick("alice"));
    }

    [Fact]
    public async Task Line_within_the_message_bound_but_over_510_bytes_gets_417_and_the_connection_survives()
    {
        await using var server = await WebServers.StartAsync();
        await using var web = await server.ConnectWebAsAsync("alice");

        await web.SendAsync("PRIVMSG bob :" + new string('x', 600));
        await web.SendAsync("PING still-here");

        Assert.Equal(":parley 417 alice :Input line was too long", await web.ReceiveAsync());
        Assert.Equal(":parley PONG parley still-here", await web.ReceiveAsync());
    }

    [Fact]
    public async Task Malformed_command_gets_421_and_the_connection_survives()
    {
        await using var server = await WebServers.StartAsync();
        await using var web = await server.ConnectWebAsAsync("alice");

        await web.SendAsync("FOO_BAR baz");
        await web.SendAsync("PING still-here");

        Assert.Equal(":parley 421 alice FOO_BAR :Unknown command", await web.ReceiveAsync());
        Assert.Equal(":parley PONG parley still-here", await web.ReceiveAsync());
    }

    [Fact]
    public async Task Text_message_that_is_not_utf8_is_closed_with_1007()
    {
        await using var server = await WebServers.StartAsync();
        await using var web = await server.ConnectWebAsAsync("alice");

        await web.SendBytesAsync([.. "PRIVMSG bob :"u8, 0xC3, 0x28], WebSocketMessageType.Text);
        var (_, status) = await web.ReadUntilClosedAsync();

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, status);
    }

    [Fact]
    public async Task Binary_message_that_is_not_utf8_gets_fail_invalid_utf8_and_the_connection_survives()
    {
        await using var server = await WebServers.StartAsync();
        await using var web = await WebSocketTestClient.ConnectAsync(server.WebSocketUri(), ["binary.ircv3.net"]);
        await web.RegisterAsync("alice");

        await web.SendBytesAsync([.. "PRIVMSG bob :"u8, 0xC3, 0x28], WebSocketMessageType.Binary);
        await web.SendBytesAsync("PING still-here"u8.ToArray(), WebSocketMessageType.Binary);

        Assert.Equal(":parley FAIL PRIVMSG INVALID_UTF8 :Message rejected: this server takes UTF-8 only", await web.ReceiveAsync());
        Assert.Equal(":parley PONG parley still-here", await web.ReceiveAsync());
    }

    [Fact]
    public async Task Line_break_inside_a_message_is_never_relayed_as_a_second_line_and_the_connection_survives()
    {
        await using var server = await WebServers.StartAsync();
        await using var web = await server.ConnectWebAsAsync("alice");
        await using var irc = await server.ConnectIrcAsAsync("bob");

        // An injection attempt: a TCP client must never see "QUIT" or a second PRIVMSG from it.
        await web.SendAsync("PRIVMSG bob :first\r\nPRIVMSG bob :injected");
        await web.SendAsync("PRIVMSG bob :after");

        await irc.ExpectAsync(":alice!u@parley PRIVMSG bob after");
        Assert.Empty(await irc.DrainAsync());
        await web.SendAsync("PING still-here");
        await web.WaitForAsync(l => l == ":parley PONG parley still-here");
    }

    [Fact]
    public async Task Trailing_crlf_is_tolerated_and_an_empty_message_is_ignored()
    {
        await using var server = await WebServers.StartAsync();
        await using var web = await WebSocketTestClient.ConnectAsync(server.WebSocketUri(), ["text.ircv3.net"]);

        await web.SendAsync("NICK alice\r\n");
        await web.SendAsync("");
        await web.SendAsync("USER u 0 * :Alice\n");

        Assert.Equal(":parley 001 alice :Welcome to the Parley IRC Network alice!u@parley", await web.ReceiveAsync());
    }

    [Fact]
    public async Task Lines_arrive_without_crlf_one_per_message()
    {
        await using var server = await WebServers.StartAsync();
        await using var web = await server.ConnectWebAsAsync("alice");

        await web.SendAsync("PING a");
        await web.SendAsync("PING b");

        Assert.Equal(":parley PONG parley a", await web.ReceiveAsync());
        Assert.Equal(":parley PONG parley b", await web.ReceiveAsync());
    }

    [Fact]
    public async Task Quit_sends_error_then_a_normal_close()
    {
        await using var server = await WebServers.StartAsync();
        await using var web = await server.ConnectWebAsAsync("alice");

        await web.SendAsync("QUIT :bye");
        var (lines, status) = await web.ReadUntilClosedAsync();

        Assert.Equal(["ERROR :Closing Link: alice[parley] (Quit: bye)"], lines);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, status);
    }

    [Fact]
    public async Task Plain_get_of_the_endpoint_is_a_400_naming_the_subprotocols()
    {
        await using var server = await WebServers.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{server.HttpPort}/ws"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("text.ircv3.net", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_over_plain_ws_from_loopback_is_not_tls_but_trusted_for_passwords()
    {
        await using var server = await WebServers.StartAsync();
        await using var web = await server.ConnectWebAsAsync("alice");

        var security = server.Hub.FindByNick("alice")!.Security;

        Assert.False(security.IsTls);
        Assert.True(security.IsTrustedNetwork);
        Assert.Null(security.WebSessionAccount);
        Assert.Matches(@"^127\.0\.0\.1:\d+$", server.Hub.FindByNick("alice")!.RemoteAddress);
    }
}

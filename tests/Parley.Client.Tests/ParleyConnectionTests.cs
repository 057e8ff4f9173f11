using System.Net;
using System.Net.Sockets;
using Parley.Protocols.Line;

namespace Parley.Client.Tests;

public sealed class ParleyConnectionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ConnectAsync_server_greets_exposes_greeting_text()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply, "HELLO Parley 0.1: register with #<nick>");

        await using var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);

        Assert.Equal("Parley 0.1: register with #<nick>", connection.Greeting);
    }

    [Fact]
    public async Task ConnectAsync_nothing_listening_throws_socket_exception()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var options = new ParleyClientOptions { Port = port };

        await Assert.ThrowsAsync<SocketException>(() => ParleyConnection.ConnectAsync(options).WaitAsync(Timeout));
    }

    [Fact]
    public async Task ConnectAsync_first_line_not_hello_throws_connection_exception()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply, "OK not a greeting");

        await Assert.ThrowsAsync<ParleyConnectionException>(() => ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout));
    }

    [Fact]
    public async Task ConnectAsync_server_sends_no_greeting_times_out()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply, greeting: null);
        var options = server.Options with { ConnectTimeout = TimeSpan.FromMilliseconds(200) };

        await Assert.ThrowsAsync<TimeoutException>(() => ParleyConnection.ConnectAsync(options).WaitAsync(Timeout));
    }

    [Fact]
    public async Task ConnectAsync_invalid_port_throws_argument_exception()
    {
        var options = new ParleyClientOptions { Port = 0 };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => ParleyConnection.ConnectAsync(options));
    }

    [Fact]
    public async Task RegisterAsync_accepted_nick_returns_ok_and_sends_nick_command()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        await using var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);

        var reply = await connection.RegisterAsync("alice").WaitAsync(Timeout);

        Assert.True(reply.IsSuccess);
        Assert.Equal(ServerLineKind.Ok, reply.Final.Kind);
        Assert.Equal("registered as alice", reply.Text);
        Assert.Equal("/nick alice", await server.Received.ReadAsync().AsTask().WaitAsync(Timeout));
    }

    [Fact]
    public async Task RegisterAsync_taken_nick_returns_err_reply_not_exception()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        await using var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);

        var reply = await connection.RegisterAsync("taken").WaitAsync(Timeout);

        Assert.False(reply.IsSuccess);
        Assert.Equal("NICK_TAKEN", reply.ErrorCode);
        Assert.Equal("taken is in use", reply.Text);
    }

    [Fact]
    public async Task SendCommandAsync_unknown_nick_returns_err_with_code()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        await using var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);

        var reply = await connection.SendCommandAsync("/dm carol hi").WaitAsync(Timeout);

        Assert.Equal(ServerLineKind.Error, reply.Final.Kind);
        Assert.Equal("NO_SUCH_NICK", reply.ErrorCode);
    }

    [Fact]
    public async Task SendCommandAsync_users_collects_data_line_before_final_reply()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        await using var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);

        var reply = await connection.SendCommandAsync("/users").WaitAsync(Timeout);

        var data = Assert.Single(reply.Data);
        Assert.Equal(["alice", "bob"], data.Nicks);
        Assert.Equal("2 users online", reply.Text);
    }

    [Fact]
    public async Task SendCommandAsync_messages_between_data_and_reply_go_to_incoming_in_order()
    {
        await using var server = ScriptedLineServer.Start(line => line switch
        {
            "/help" => ["HELP /dm", "DM bob: psst", "HELP /users", "SYS carol joined", "OK end of help"],
            "/users" => ["BM carol: hi all", "USERS alice bob carol", "OK 3 users online"],
            _ => ["OK sent to 1 user"],
        });
        await using var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);

        // Sent back to back without waiting: replies must be matched first-in, first-out.
        var help = connection.SendCommandAsync("/help");
        var users = connection.SendCommandAsync("/users");
        var broadcast = connection.SendCommandAsync("hello");

        var helpReply = await help.WaitAsync(Timeout);
        var usersReply = await users.WaitAsync(Timeout);
        var broadcastReply = await broadcast.WaitAsync(Timeout);

        Assert.Equal(["/dm", "/users"], helpReply.Data.Select(l => l.Text));
        Assert.Equal("end of help", helpReply.Text);
        Assert.Equal(["alice", "bob", "carol"], Assert.Single(usersReply.Data).Nicks);
        Assert.Equal("3 users online", usersReply.Text);
        Assert.Equal("sent to 1 user", broadcastReply.Text);
        Assert.Empty(broadcastReply.Data);

        var incoming = new List<ServerLine>();
        for (var i = 0; i < 3; i++)
        {
            incoming.Add(await connection.Incoming.ReadAsync().AsTask().WaitAsync(Timeout));
        }

        Assert.Equal(["DM bob: psst", "SYS carol joined", "BM carol: hi all"], incoming.Select(l => l.Raw));
        Assert.Equal(ServerLineKind.Direct, incoming[0].Kind);
        Assert.Equal("bob", incoming[0].From);
    }

    [Fact]
    public async Task SendCommandAsync_many_concurrent_commands_each_get_their_own_reply()
    {
        await using var server = ScriptedLineServer.Start(line => [$"OK echo {line}"]);
        await using var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);

        var commands = Enumerable.Range(0, 200).Select(i => $"/bm message {i}").ToArray();
        var replies = await Task.WhenAll(commands.Select(c => Task.Run(() => connection.SendCommandAsync(c)))).WaitAsync(Timeout);

        for (var i = 0; i < commands.Length; i++)
        {
            Assert.Equal($"echo {commands[i]}", replies[i].Text);
        }
    }

    [Fact]
    public async Task Incoming_unsolicited_lines_arrive_without_any_command()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        await using var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);

        await server.SendAsync("DM bob: hi alice");
        await server.SendAsync("SYS dave joined");

        var first = await connection.Incoming.ReadAsync().AsTask().WaitAsync(Timeout);
        var second = await connection.Incoming.ReadAsync().AsTask().WaitAsync(Timeout);
        Assert.Equal(ServerLineKind.Direct, first.Kind);
        Assert.Equal("hi alice", first.Text);
        Assert.Equal(ServerLineKind.System, second.Kind);
    }

    [Fact]
    public async Task Incoming_lines_split_across_writes_and_crlf_are_framed_whole()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        await using var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);

        await server.SendRawAsync("DM bob: hé");
        await server.SendRawAsync("llo\r\nBM carol: 世");
        await server.SendRawAsync("界\n");

        var first = await connection.Incoming.ReadAsync().AsTask().WaitAsync(Timeout);
        var second = await connection.Incoming.ReadAsync().AsTask().WaitAsync(Timeout);
        Assert.Equal("héllo", first.Text);
        Assert.Equal("世界", second.Text);
    }

    [Fact]
    public async Task Incoming_server_initiated_bye_with_no_command_pending_goes_to_incoming()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        await using var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);

        await server.SendAsync("SYS server shutting down");
        await server.SendAsync("BYE server shutting down");
        await server.DropClientAsync();

        var lines = new List<ServerLine>();
        await foreach (var line in connection.Incoming.ReadAllAsync().WithCancellation(new CancellationTokenSource(Timeout).Token))
        {
            lines.Add(line);
        }

        Assert.Equal([ServerLineKind.System, ServerLineKind.Bye], lines.Select(l => l.Kind));
        await connection.Completion.WaitAsync(Timeout);
        Assert.Null(connection.Error);
    }

    [Fact]
    public async Task SendCommandAsync_server_closes_before_reply_fails_pending_command()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        await using var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);

        var pending = connection.SendCommandAsync("/hold");
        Assert.Equal("/hold", await server.Received.ReadAsync().AsTask().WaitAsync(Timeout));
        await server.DropClientAsync();

        await Assert.ThrowsAsync<ParleyConnectionException>(() => pending.WaitAsync(Timeout));
        await connection.Completion.WaitAsync(Timeout);
    }

    [Fact]
    public async Task SendCommandAsync_after_close_throws_connection_exception()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        await using var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);
        await server.DropClientAsync();
        await connection.Completion.WaitAsync(Timeout);

        await Assert.ThrowsAsync<ParleyConnectionException>(() => connection.SendCommandAsync("/users").WaitAsync(Timeout));
    }

    [Fact]
    public async Task QuitAsync_returns_bye_and_connection_completes()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        await using var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);

        var reply = await connection.QuitAsync("lunch").WaitAsync(Timeout);

        Assert.Equal(ServerLineKind.Bye, reply.Final.Kind);
        Assert.Equal("lunch", reply.Text);
        await connection.Completion.WaitAsync(Timeout);
    }

    [Fact]
    public async Task DisposeAsync_pending_command_fails_with_connection_exception()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);
        var pending = connection.SendCommandAsync("/hold");
        await server.Received.ReadAsync().AsTask().WaitAsync(Timeout);

        await connection.DisposeAsync().AsTask().WaitAsync(Timeout);

        await Assert.ThrowsAsync<ParleyConnectionException>(() => pending.WaitAsync(Timeout));
        Assert.True(connection.Completion.IsCompleted);
    }

    [Fact]
    public async Task ReadLoop_server_line_over_limit_closes_connection_with_error()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        var options = server.Options with { MaxLineBytes = 1024 };
        await using var connection = await ParleyConnection.ConnectAsync(options).WaitAsync(Timeout);
        var pending = connection.SendCommandAsync("/hold");

        // No LF at all: the cap must hold before the line ends.
        await server.SendRawAsync("DM bob: " + new string('x', 4096));

        await connection.Completion.WaitAsync(Timeout);
        Assert.IsType<ParleyConnectionException>(connection.Error);
        await Assert.ThrowsAsync<ParleyConnectionException>(() => pending.WaitAsync(Timeout));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/dm bob hi\n/users")]
    [InlineData("hello\r")]
    public async Task SendCommandAsync_empty_or_multiline_throws_argument_exception(string line)
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        await using var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => connection.SendCommandAsync(line));
    }

    [Fact]
    public async Task RegisterAsync_nick_with_space_throws_argument_exception()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        await using var connection = await ParleyConnection.ConnectAsync(server.Options).WaitAsync(Timeout);

        await Assert.ThrowsAsync<ArgumentException>(() => connection.RegisterAsync("al ice"));
    }
}

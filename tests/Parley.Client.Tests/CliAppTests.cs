using System.Net;
using System.Net.Sockets;
using Parley.Cli;

namespace Parley.Client.Tests;

public sealed class CliAppTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task RunAsync_piped_commands_all_ok_exits_zero_and_prints_replies()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);

        var (exitCode, output, error) = await RunPipedAsync(server.Port, "alice", "/dm bob hi\n@bob:hello\nhello all\n/users\n");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("ok: registered as alice", output, StringComparison.Ordinal);
        Assert.Contains("ok: delivered to bob", output, StringComparison.Ordinal);
        Assert.Contains("users online: alice, bob", output, StringComparison.Ordinal);
        Assert.Contains("*** bye: goodbye", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\x1b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_piped_sends_lines_as_typed_then_quits_at_end_of_input()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);

        await RunPipedAsync(server.Port, "alice", "/dm bob hi\n\n@bob:yo\n");

        var received = new List<string>();
        while (server.Received.TryRead(out var line))
        {
            received.Add(line);
        }

        // The blank line is not sent: the server would not answer it.
        Assert.Equal(["/nick alice", "/dm bob hi", "@bob:yo", "/quit"], received);
    }

    [Fact]
    public async Task RunAsync_piped_command_refused_exits_one()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);

        var (exitCode, output, _) = await RunPipedAsync(server.Port, "alice", "/dm carol hi\nhello all\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("! NO_SUCH_NICK carol is not online", output, StringComparison.Ordinal);
        Assert.Contains("ok: sent to 1 user", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_piped_nick_taken_exits_nonzero_with_message_on_stderr()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);

        var (exitCode, _, error) = await RunPipedAsync(server.Port, "taken", "hello\n");

        Assert.Equal(3, exitCode);
        Assert.Contains("NICK_TAKEN", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_piped_without_name_exits_nonzero()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApp.RunAsync(["--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], new StringReader("hi\n"), output, error, interactive: false).WaitAsync(Timeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--name", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_piped_nothing_listening_exits_two()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exitCode, _, error) = await RunPipedAsync(port, "alice", "hi\n");

        Assert.Equal(2, exitCode);
        Assert.Contains("cannot connect", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_piped_incoming_messages_are_printed()
    {
        await using var server = ScriptedLineServer.Start(line => line == "/users"
            ? ["DM bob: psst", "USERS alice bob", "SYS carol joined", "OK 2 users online"]
            : ChatScript.Reply(line));

        var (exitCode, output, _) = await RunPipedAsync(server.Port, "alice", "/users\n");

        Assert.Equal(0, exitCode);
        Assert.Contains("[DM] bob: psst", output, StringComparison.Ordinal);
        Assert.Contains("*** carol joined", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_piped_exit_line_quits_and_skips_the_rest()
    {
        await using var server = ScriptedLineServer.Start(ChatScript.Reply);

        var (exitCode, output, _) = await RunPipedAsync(server.Port, "alice", "exit\n/dm carol hi\n");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("NO_SUCH_NICK", output, StringComparison.Ordinal);
        Assert.Contains("*** bye: goodbye", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_help_option_prints_usage_and_exits_zero()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApp.RunAsync(["--help"], new StringReader(""), output, error, interactive: false).WaitAsync(Timeout);

        Assert.Equal(0, exitCode);
        Assert.Contains("--name", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--port", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_bad_port_exits_nonzero()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApp.RunAsync(["--name", "alice", "--port", "70000"], new StringReader(""), output, error, interactive: false).WaitAsync(Timeout);

        Assert.NotEqual(0, exitCode);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunPipedAsync(int port, string name, string input)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = ["--name", name, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)];

        var exitCode = await CliApp.RunAsync(args, new StringReader(input), output, error, interactive: false).WaitAsync(Timeout);

        return (exitCode, output.ToString(), error.ToString());
    }
}

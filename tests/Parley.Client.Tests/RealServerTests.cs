using System.Globalization;
using Parley.Cli;
using Parley.Protocols.Line;
using Parley.TestKit;

namespace Parley.Client.Tests;

/// <summary>The client library and the CLI against the real server, started in-process on port 0.</summary>
public sealed class RealServerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Connection_registers_sends_a_dm_and_receives_the_answer()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        await using var alice = await ParleyConnection.ConnectAsync(new ParleyClientOptions { Port = server.Port });

        var registered = await alice.RegisterAsync("alice").WaitAsync(Timeout);
        var sent = await alice.SendCommandAsync("@bob:hi bob").WaitAsync(Timeout);
        await bob.WaitForAsync(l => l == "DM alice: hi bob");
        await bob.SendAsync("/dm alice hi alice");
        var incoming = await ReadIncomingAsync(alice, ServerLineKind.Direct);
        var users = await alice.SendCommandAsync("/users").WaitAsync(Timeout);

        Assert.True(registered.IsSuccess);
        Assert.Equal("delivered to bob", sent.Text);
        Assert.Equal(("bob", "hi alice"), (incoming.From, incoming.Text));
        Assert.Equal(["alice", "bob"], users.Data.Single().Nicks);
    }

    [Fact]
    public async Task Connection_reports_a_refused_command_as_an_error_reply()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await ParleyConnection.ConnectAsync(new ParleyClientOptions { Port = server.Port });
        await alice.RegisterAsync("alice").WaitAsync(Timeout);

        var reply = await alice.SendCommandAsync("/dm nobody hi").WaitAsync(Timeout);

        Assert.False(reply.IsSuccess);
        Assert.Equal(LineErrorCodes.NoSuchNick, reply.ErrorCode);
    }

    [Fact]
    public async Task Cli_piped_dm_to_an_online_user_exits_zero_and_the_user_receives_it()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var bob = await server.ConnectAsAsync("bob");

        var (exitCode, output) = await RunPipedAsync(server.Port, "alice", "/dm bob hi\n");

        Assert.Equal(0, exitCode);
        Assert.Contains("ok: delivered to bob", output, StringComparison.Ordinal);
        await bob.WaitForAsync(l => l == "DM alice: hi");
        Assert.Equal("SYS alice left", (await bob.WaitForAsync(l => l.StartsWith("SYS alice left", StringComparison.Ordinal))).Line);
    }

    [Fact]
    public async Task Cli_piped_refused_command_exits_nonzero()
    {
        await using var server = await ParleyTestServer.StartAsync();

        var (exitCode, output) = await RunPipedAsync(server.Port, "alice", "/dm bob hi\n");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("NO_SUCH_NICK", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_piped_with_a_taken_nick_exits_nonzero()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");

        var (exitCode, _) = await RunPipedAsync(server.Port, "ALICE", "hello\n");

        Assert.NotEqual(0, exitCode);
        Assert.Empty(await alice.DrainAsync());
    }

    private static async Task<ServerLine> ReadIncomingAsync(ParleyConnection connection, ServerLineKind kind)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await foreach (var line in connection.Incoming.ReadAllAsync(cts.Token))
        {
            if (line.Kind == kind)
                return line;
        }

        throw new InvalidOperationException("connection closed");
    }

    private static async Task<(int ExitCode, string Output)> RunPipedAsync(int port, string name, string input)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = ["--name", name, "--port", port.ToString(CultureInfo.InvariantCulture)];
        var exitCode = await CliApp.RunAsync(args, new StringReader(input), output, error, interactive: false).WaitAsync(Timeout);
        return (exitCode, output + error.ToString());
    }
}

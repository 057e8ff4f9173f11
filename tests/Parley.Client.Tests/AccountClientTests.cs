using System.Globalization;
using Parley.Cli;
using Parley.Protocols.Line;
using Parley.TestKit;

namespace Parley.Client.Tests;

/// <summary>Logging in from the client library and the CLI, against the real server.</summary>
public sealed class AccountClientTests
{
    private const string Password = "correct-horse";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task LoginAsync_returns_the_messages_stored_while_away_as_data_lines()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        await using (var bob = await server.ConnectAsAsync("bob"))
            Assert.Equal("OK stored for alice (offline)", (await bob.CommandAsync("@alice:while you were out")).Reply);
        await using var alice = await ParleyConnection.ConnectAsync(new ParleyClientOptions { Port = server.Port });

        var reply = await alice.LoginAsync("alice", Password).WaitAsync(Timeout);

        Assert.True(reply.IsSuccess);
        var missed = Assert.Single(reply.Data);
        Assert.Equal((ServerLineKind.Missed, "bob", "alice", "while you were out"), (missed.Kind, missed.From, missed.To, missed.Text));
        Assert.NotNull(missed.Time);
    }

    [Fact]
    public async Task LoginAsync_with_a_wrong_password_is_an_error_reply()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        await using var alice = await ParleyConnection.ConnectAsync(new ParleyClientOptions { Port = server.Port });

        var reply = await alice.LoginAsync("alice", "not-the-password").WaitAsync(Timeout);

        Assert.Equal(LineErrorCodes.AuthFailed, reply.ErrorCode);
        await Assert.ThrowsAsync<ArgumentException>(() => alice.LoginAsync("alice", "two words"));
    }

    [Fact]
    public async Task Cli_piped_with_password_option_logs_in_and_shows_missed_messages()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        await using (var bob = await server.ConnectAsAsync("bob"))
            await bob.CommandAsync("@alice:see you later");

        var (exitCode, output) = await RunPipedAsync(server.Port, ["--name", "alice", "--password", Password], "/whoami\n", _ => null);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"\[missed \d{4}-\d\d-\d\d \d\d:\d\dZ\] bob: see you later", output);
        Assert.Contains("ok: logged in as alice; 1 stored message delivered", output, StringComparison.Ordinal);
        Assert.Contains("ok: you are alice, logged in", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_piped_takes_the_password_from_parley_password()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();

        var (exitCode, output) = await RunPipedAsync(server.Port, ["--name", "alice"], "/whoami\n",
            name => name == "PARLEY_PASSWORD" ? Password : null);

        Assert.Equal(0, exitCode);
        Assert.Contains("ok: you are alice, logged in", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_piped_with_a_wrong_password_exits_with_registration_refused()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();

        var (exitCode, output) = await RunPipedAsync(server.Port, ["--name", "alice", "--password", "not-the-password"], "hi\n", _ => null);

        Assert.Equal(3, exitCode);
        Assert.Contains("AUTH_FAILED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_piped_registered_nick_without_password_is_refused_with_a_hint()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();

        var (exitCode, output) = await RunPipedAsync(server.Port, ["--name", "alice"], "hi\n", _ => null);

        Assert.Equal(3, exitCode);
        Assert.Contains("NICK_REGISTERED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_piped_password_prompt_is_refused_without_a_terminal()
    {
        await using var server = await ParleyTestServer.StartAsync();

        var (exitCode, output) = await RunPipedAsync(server.Port, ["--name", "alice", "--password"], "hi\n", _ => null);

        Assert.Equal(3, exitCode);
        Assert.Contains("PARLEY_PASSWORD", output, StringComparison.Ordinal);
        Assert.Equal(0, server.Hub.SessionCount);
    }

    private static async Task<(int ExitCode, string Output)> RunPipedAsync(
        int port, string[] args, string input, Func<string, string?> environment)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] all = [.. args, "--port", port.ToString(CultureInfo.InvariantCulture)];
        var exitCode = await CliApp.RunAsync(all, new StringReader(input), output, error, interactive: false, environment).WaitAsync(Timeout);
        return (exitCode, output + error.ToString());
    }
}

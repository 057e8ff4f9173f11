using System.Globalization;
using Parley.TestKit;

namespace Parley.Client.Tests;

/// <summary>The console client at a real terminal (tmux), as a person runs it.</summary>
public sealed class InteractiveCliTests : IDisposable
{
    private const string Password = "correct-horse";
    private readonly string _directory = ParleyTestServer.NewTemporaryDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Interactive_client_with_a_name_hides_the_nick_hint_and_exits_4_when_the_server_closes_it()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?> { ["Parley:Operators:0"] = "root" });
        await using var root = await server.ConnectNewAccountAsync("root", Password);
        await using var parley = await StartAsync(server, "--name", "alice");

        var screen = await parley.WaitForScreenAsync("ok: registered as alice");
        Assert.DoesNotContain("pick a nick", screen, StringComparison.Ordinal);
        Assert.Contains("/help lists commands", screen, StringComparison.Ordinal);

        Assert.Equal("OK killed alice", (await root.CommandAsync("/kill alice enough")).Reply);
        await parley.WaitForScreenAsync("*** disconnected by the server");
        await parley.WaitForScreenAsync("[exit 4]");
    }

    [Fact]
    public async Task Interactive_client_at_a_registered_nick_is_told_the_client_option_to_log_in()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();

        // The client asks for the password; an empty answer gives up.
        await using var parley = await StartAsync(server, "--name", "alice");
        var screen = await parley.WaitForScreenAsync("alice is registered; password:");
        await parley.SendKeysAsync("Enter");
        screen = await parley.WaitForScreenAsync("[exit 3]");
        Assert.Contains("log in with parley --name alice --password", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("/login alice <password>", screen, StringComparison.Ordinal);
    }

    // Runs the built client in a shell that prints its exit code, so the screen shows it.
    private async Task<TmuxSession> StartAsync(ParleyTestServer server, params string[] arguments)
    {
        var client = Path.Combine(AppContext.BaseDirectory, "parley.dll");
        var command = string.Join(' ', new[] { "dotnet", client, "--port", server.Port.ToString(CultureInfo.InvariantCulture), "--known-hosts", Path.Combine(_directory, "known_hosts") }.Concat(arguments));
        return await TmuxSession.StartAsync("sh", "-c", command + "; echo \"[exit $?]\"; sleep 60");
    }
}
